<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n printed in CDIP/33/2 (%1)</source>
        <translation>
            <numerusform>%n printed in CDIP/33/2 (%1)</numerusform>
            <numerusform>%n printed in CDIP/33/2 (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added from a cited public WIPO list (%1)</source>
        <translation>
            <numerusform>%n added from a cited public WIPO list (%1)</numerusform>
            <numerusform>%n added from a cited public WIPO list (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n bookmark(s)</source>
        <translation>
            <numerusform>Exported %n bookmark</numerusform>
            <numerusform>Exported %n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterSidebar</name>
    <message numerus="yes">
        <source>%n recommendations</source>
        <translation>
            <numerusform>%n recommendation</numerusform>
            <numerusform>%n recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passages</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendations match the filters</source>
        <translation>
            <numerusform>%n recommendation matches the filters</numerusform>
            <numerusform>%n recommendations match the filters</numerusform>
        </translation>
    </message>
</context>
</TS>
