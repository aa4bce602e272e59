; DA Navigator per-user installer for Windows x64, built on Linux by tools/windows/build.sh:
;   makensis -DSRCDIR=<abs path to the onedir folder> -DVERSION=x.y.z -DOUTFILE=<setup.exe> -DICON=<app.ico> installer.nsi
; Installs without admin rights into %LOCALAPPDATA%\Programs\DA Navigator, adds a Start-menu shortcut
; and an Apps & Features entry (HKCU). The uninstaller removes only what the installer put there and
; never touches the user's bookmarks, notes and settings (%APPDATA%\DA Navigator, or userdata\ in a
; portable copy elsewhere).
Unicode true
Target amd64-unicode          ; the app is x64-only (and makensis' default 32-bit stub would not run on wine64)
; Solid bzip2: on the 65 MB bundle 28.5 MB (zip -9: 29.4 MB) in 9 s of CPU. Solid LZMA would make 21.8 MB
; but take 77 s of CPU (16 MB dictionary), too much for the 3-minute build budget; zlib: 29.7 MB.
SetCompressor /SOLID bzip2
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define APP       "DA Navigator"
!define EXE       "DA Navigator.exe"
!define PUBLISHER "DA Navigator project"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "define ${NAME} (see tools/windows/build.sh)"
  !endif
!macroend
!insertmacro REQUIRE SRCDIR
!insertmacro REQUIRE VERSION
!insertmacro REQUIRE OUTFILE
!insertmacro REQUIRE ICON

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"   ; the app's default language first
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SHORTCUT_DESC ${LANG_SIMPCHINESE} "发展议程导航：CDIP/33/2 离线阅读器"
LangString SHORTCUT_DESC ${LANG_ENGLISH}     "DA Navigator: offline reader for CDIP/33/2"
LangString KEPT_DATA     ${LANG_SIMPCHINESE} "您的书签、笔记和设置已保留。"
LangString KEPT_DATA     ${LANG_ENGLISH}     "Your bookmarks, notes and settings were kept."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY          ; asks only in an interactive install
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SetShellVarContext current
  RMDir /r "$INSTDIR\_internal"             ; an upgrade starts from a clean bundle
  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_DESC)"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; Only the installer's own files: $INSTDIR may be a folder the user chose, holding other things.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"                           ; only if empty now
  DeleteRegKey HKCU "${UNINSTKEY}"
  DetailPrint "$(KEPT_DATA)"                 ; %APPDATA%\${APP} is deliberately left alone
SectionEnd
