<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Recommendation</source>
        <translation>建议案文</translation>
    </message>
    <message>
        <source>Related WIPO sectors</source>
        <translation>相关产权组织部门</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>落实工作</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>Activities/results</source>
        <translation>活动/成果</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>References</source>
        <translation>引用与被引用</translation>
    </message>
    <message>
        <source>Reported jointly with recommendations %1</source>
        <translation>与建议 %1 合并报告</translation>
    </message>
    <message>
        <source>%1 recommendations of the independent review; open one for its progress.</source>
        <translation>独立审查的 %1 条建议；打开任一条可查看进展。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>建议 %1</translation>
    </message>
    <message>
        <source>%1 recommendations; open one to read it.</source>
        <translation>%1 条建议；打开任一条即可阅读。</translation>
    </message>
    <message>
        <source>Unsaved notes</source>
        <translation>未保存的备注</translation>
    </message>
    <message>
        <source>These notes are not saved: %1.</source>
        <translation>以下备注未保存：%1。</translation>
    </message>
    <message>
        <source>Some were changed in another window.</source>
        <translation>其中有的已在另一窗口中修改。</translation>
    </message>
    <message>
        <source>Save to a Text File…</source>
        <translation>保存为文本文件…</translation>
    </message>
    <message>
        <source>Keep the Window Open</source>
        <translation>保持窗口打开</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Save Unsaved Notes</source>
        <translation>保存未保存的备注</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>第 %1 组</translation>
    </message>
    <message>
        <source>mark printed in CDIP/33/2</source>
        <translation>CDIP/33/2 原文标注</translation>
    </message>
    <message>
        <source>curated from a public source</source>
        <translation>据公开来源补充</translation>
    </message>
    <message>
        <source>for immediate implementation (%1)</source>
        <translation>需立即落实（%1）</translation>
    </message>
    <message>
        <source>None reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>External links open in your browser and need a network connection.</source>
        <translation>外部链接在浏览器中打开，需要网络连接。</translation>
    </message>
    <message>
        <source>Refers to</source>
        <translation>参见</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>被引用</translation>
    </message>
    <message>
        <source>DA projects</source>
        <translation>发展议程项目</translation>
    </message>
    <message>
        <source>Documents cited</source>
        <translation>引用文件</translation>
    </message>
    <message>
        <source>Countries mentioned</source>
        <translation>提及的国家</translation>
    </message>
    <message>
        <source>Independent review recommendation %1</source>
        <translation>独立审查建议 %1</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>案文</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Review recommendation %1</source>
        <translation>审查建议 %1</translation>
    </message>
    <message>
        <source>Cover note</source>
        <translation>正文（说明）</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Annex I · 45 recommendations</source>
        <translation>附件一 · 45 项建议</translation>
    </message>
    <message>
        <source>Annex I · by WIPO sector</source>
        <translation>附件一 · 按产权组织部门</translation>
    </message>
    <message>
        <source>Annex II · Independent review</source>
        <translation>附件二 · 独立审查</translation>
    </message>
    <message>
        <source>for immediate implementation</source>
        <translation>需立即落实</translation>
    </message>
    <message>
        <source>reported jointly with %1</source>
        <translation>与 %1 合并报告</translation>
    </message>
    <message>
        <source>bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>属于：%1</translation>
    </message>
    <message>
        <source>★ for immediate implementation</source>
        <translation>★ 需立即落实</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Select a recommendation first.</source>
        <translation>请先选择一项建议。</translation>
    </message>
    <message>
        <source>Print Preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Editable document (*.odt)</source>
        <translation>可编辑文档 (*.odt)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The PDF was not saved; any earlier file of that name is unchanged.

%1</source>
        <translation>PDF 未保存；同名的原有文件保持不变。

%1</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages)</source>
        <translation>已保存 %1（%2 页）</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The bookmark file %1 was made by a newer version of the app (format %2; this version reads format %3). It was left untouched; update the app to open it.</source>
        <translation>书签文件 %1 由更新版本的程序创建（格式版本 %2，本程序支持 %3）。为避免损坏，未作任何修改；请升级程序后再打开。</translation>
    </message>
    <message>
        <source>The bookmark file was damaged (%1). It was moved to %2 and a new, empty one was started.</source>
        <translation>书签文件已损坏（%1），已移至 %2，并新建了空的书签文件。</translation>
    </message>
    <message>
        <source>The bookmark file %1 cannot be opened: %2</source>
        <translation>无法打开书签文件 %1：%2</translation>
    </message>
    <message>
        <source>The bookmark file %1 is read-only and in an older format, so it cannot be shown.</source>
        <translation>书签文件 %1 为只读且格式较旧，无法显示。</translation>
    </message>
    <message>
        <source>The bookmark file %1 is read-only: bookmarks and notes are shown but cannot be changed.</source>
        <translation>书签文件 %1 为只读：书签和备注可以查看，但不能修改。</translation>
    </message>
    <message>
        <source>The bookmark file %1 cannot be written to right now: %2</source>
        <translation>书签文件 %1 暂时无法写入：%2</translation>
    </message>
    <message>
        <source>Bookmark not saved (%1): %2</source>
        <translation>书签未保存（%1）：%2</translation>
    </message>
    <message>
        <source>The note is too long (%1 characters; the limit is %2).</source>
        <translation>备注过长（%1 字，上限 %2 字）。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between numbers</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 of %2 marked in this edition</source>
        <translation>本版标出 %1 项（共 %2 项）</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message numerus="yes">
        <source>%n printed in CDIP/33/2 (%1)</source>
        <translation>
            <numerusform>%n 项印有星号（CDIP/33/2：%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n added from a cited public WIPO list (%1)</source>
        <translation>
            <numerusform>%n 项（%1）依据所引产权组织公开清单补充</numerusform>
        </translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>The report says %1 recommendations are for immediate implementation (recommendations 15, 21 and 44 “and the other 16”) and marks them with an asterisk in the entry headings; most headings did not survive in the text this edition was built from, so the other %2 stay unmarked rather than guessed.</source>
        <translation>报告称共有 %1 项建议需立即落实（建议 15、21、44“以及其余需要立即落实的 16 项建议”），并在各条标题中以星号标出；本版所依据的文本中多数标题未能保留，因此其余 %2 项不作标注，不作推测。</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>清除 %1</translation>
    </message>
    <message>
        <source>Clear text</source>
        <translation>清除文字</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>更多工具栏按钮</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>%1: choices</source>
        <translation>%1：选项</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Vertical scroll bar</source>
        <translation>垂直滚动条</translation>
    </message>
    <message>
        <source>Horizontal scroll bar</source>
        <translation>水平滚动条</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>In the panes</source>
        <translation>各窗格中的按键</translation>
    </message>
    <message>
        <source>In the tree</source>
        <translation>在目录树中</translation>
    </message>
    <message>
        <source>Type a number (e.g. 42) to jump to that recommendation; arrows move</source>
        <translation>输入编号（如 42）跳转到该建议；方向键移动</translation>
    </message>
    <message>
        <source>In the search box</source>
        <translation>在搜索框中</translation>
    </message>
    <message>
        <source>Down moves into the results; Enter opens the first result</source>
        <translation>下方向键进入结果列表；Enter 打开第一个结果</translation>
    </message>
    <message>
        <source>In the results</source>
        <translation>在搜索结果中</translation>
    </message>
    <message>
        <source>Enter opens the result at its section</source>
        <translation>Enter 打开该结果并定位到相应部分</translation>
    </message>
    <message>
        <source>In the detail pane</source>
        <translation>在详情窗格中</translation>
    </message>
    <message>
        <source>Tab and Shift+Tab move between links; Enter follows the link</source>
        <translation>Tab 和 Shift+Tab 在链接之间移动；Enter 打开链接</translation>
    </message>
    <message>
        <source>In the find bar</source>
        <translation>在查找栏中</translation>
    </message>
    <message>
        <source>Enter: next match; Shift+Enter: previous; Esc closes it</source>
        <translation>Enter：下一处；Shift+Enter：上一处；Esc 关闭</translation>
    </message>
    <message>
        <source>On the overview</source>
        <translation>在概览页</translation>
    </message>
    <message>
        <source>Arrows move between cells and bars; Enter applies that filter</source>
        <translation>方向键在单元格和条形之间移动；Enter 应用该筛选</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the recommendation shown</source>
        <translation>在当前建议中查找文字</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search All…</source>
        <translation>全文搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search the whole report</source>
        <translation>搜索整份报告</translation>
    </message>
    <message>
        <source>Go to &amp;Tree</source>
        <translation>转到目录树(&amp;T)</translation>
    </message>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>复制引文(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a stable citation with the selected text</source>
        <translation>复制带所选文字的规范引文</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>Bookmark the recommendation shown (Ctrl+D)</source>
        <translation>为当前建议添加或取消书签（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Print Summary…</source>
        <translation>打印摘要(&amp;P)…</translation>
    </message>
    <message>
        <source>Print a summary of the recommendation shown</source>
        <translation>打印当前建议的摘要</translation>
    </message>
    <message>
        <source>&amp;Export Summary as PDF…</source>
        <translation>导出摘要为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Briefing Pack…</source>
        <translation>导出简报包(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>缩小(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation>后退（Alt+←）</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation>前进（Alt+→）</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>Show the overview page</source>
        <translation>显示概览页</translation>
    </message>
    <message>
        <source>&amp;Go to Recommendation…</source>
        <translation>转到建议(&amp;G)…</translation>
    </message>
    <message>
        <source>Open recommendation N (Ctrl+G)</source>
        <translation>按编号打开建议 (Ctrl+G)</translation>
    </message>
    <message>
        <source>&amp;Next Recommendation</source>
        <translation>下一条建议(&amp;N)</translation>
    </message>
    <message>
        <source>Open the next recommendation (Ctrl+PgDown)</source>
        <translation>打开下一条建议 (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>&amp;Previous Recommendation</source>
        <translation>上一条建议(&amp;P)</translation>
    </message>
    <message>
        <source>Open the previous recommendation (Ctrl+PgUp)</source>
        <translation>打开上一条建议 (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Group by &amp;Sector</source>
        <translation>按部门分组(&amp;S)</translation>
    </message>
    <message>
        <source>Group the tree by WIPO sector instead of cluster</source>
        <translation>目录树按产权组织部门分组（而非按组别）</translation>
    </message>
    <message>
        <source>Clear the search and every filter</source>
        <translation>清除搜索和全部筛选条件</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Bookmarks &amp;Panel</source>
        <translation>书签面板(&amp;P)</translation>
    </message>
    <message>
        <source>Search and &amp;Filters Panel</source>
        <translation>搜索和筛选面板(&amp;F)</translation>
    </message>
    <message>
        <source>Show or hide the search and filters</source>
        <translation>显示或隐藏搜索和筛选</translation>
    </message>
    <message>
        <source>&amp;Contents Panel</source>
        <translation>目录面板(&amp;C)</translation>
    </message>
    <message>
        <source>Show or hide the list of recommendations</source>
        <translation>显示或隐藏建议目录</translation>
    </message>
    <message>
        <source>&amp;About DA Navigator</source>
        <translation>关于发展议程导航(&amp;A)</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Recommendation %1</source>
        <translation>建议 %1</translation>
    </message>
    <message>
        <source>Review recommendation %1</source>
        <translation>审查建议 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bookmark(s)</source>
        <translation>
            <numerusform>%n 个书签</numerusform>
        </translation>
    </message>
    <message>
        <source>Bookmark not removed</source>
        <translation>书签未删除</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n bookmark(s)</source>
        <translation>
            <numerusform>已导出 %n 个书签</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>Bookmark exports (*.json *.csv)</source>
        <translation>书签导出文件 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Sort by number</source>
        <translation>按编号排序</translation>
    </message>
    <message>
        <source>Sort by date added (newest first)</source>
        <translation>按添加日期排序（最新在前）</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D or click the bookmark button to bookmark the recommendation shown.</source>
        <translation>还没有书签。按 Ctrl+D 或点击书签按钮，为当前建议添加书签。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Briefing Pack…</source>
        <translation>简报包…</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Export Briefing Pack</source>
        <translation>导出简报包</translation>
    </message>
    <message>
        <source>Recommendations in the briefing pack</source>
        <translation>简报材料收录的建议</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>建议 %1</translation>
    </message>
    <message>
        <source>Annex II · Review recommendation %1</source>
        <translation>附件二 · 独立审查建议 %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Each recommendation starts on a new page, after a cover and a table of contents.</source>
        <translation>封面和目录之后，每项建议从新的一页开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailNote</name>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Opening %1 in your browser — this needs a network connection.</source>
        <translation>正在浏览器中打开 %1——需要网络连接。</translation>
    </message>
    <message>
        <source>Link not opened: only http and https addresses are allowed.</source>
        <translation>未打开链接：只允许 http 和 https 地址。</translation>
    </message>
    <message>
        <source>%1 (opens in your browser; needs a network connection)</source>
        <translation>%1（在浏览器中打开，需要网络连接）</translation>
    </message>
    <message>
        <source>Show recommendations citing %1</source>
        <translation>显示引用 %1 的建议</translation>
    </message>
    <message>
        <source>Recommendation details</source>
        <translation>建议详情</translation>
    </message>
</context>
<context>
    <name>Extras</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <source>★ For immediate implementation</source>
        <translation>★ 需立即落实</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>WIPO sector</source>
        <translation>产权组织部门</translation>
    </message>
    <message>
        <source>Immediate implementation</source>
        <translation>立即落实</translation>
    </message>
    <message>
        <source>Country mentioned</source>
        <translation>提及的国家</translation>
    </message>
    <message>
        <source>Document cited</source>
        <translation>引用的文件</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Bookmarked only (%1)</source>
        <translation>仅显示书签（%1）</translation>
    </message>
    <message>
        <source>Filter this list</source>
        <translation>筛选此列表</translation>
    </message>
    <message>
        <source>Bookmarked only</source>
        <translation>仅显示书签</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Bookmarked only</source>
        <translation>仅显示书签</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>筛选条件：</translation>
    </message>
    <message>
        <source>Filters: none</source>
        <translation>筛选条件：无</translation>
    </message>
    <message>
        <source>No active filters</source>
        <translation>没有筛选条件</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Click a filter to remove it</source>
        <translation>点击某个筛选条件即可移除</translation>
    </message>
    <message>
        <source>Active filters: %1</source>
        <translation>当前筛选条件：%1</translation>
    </message>
    <message>
        <source>Values within one facet: any of them (OR). Different facets: all (AND).</source>
        <translation>同一类别内的多个值满足其一即可（或）；不同类别须同时满足（且）。</translation>
    </message>
</context>
<context>
    <name>FilterSidebar</name>
    <message>
        <source>The search could not run: %1</source>
        <translation>无法执行搜索：%1</translation>
    </message>
    <message>
        <source>All %1 recommendations</source>
        <translation>全部 %1 项建议</translation>
    </message>
    <message numerus="yes">
        <source>%n recommendations</source>
        <translation>
            <numerusform>%n 项建议</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n passages</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendations match the filters</source>
        <translation>
            <numerusform>%n 项建议符合筛选条件</numerusform>
        </translation>
    </message>
    <message>
        <source>Search (e.g. 专利, TISC, 中小企业 版权)</source>
        <translation>搜索（如：专利、TISC、中小企业 版权）</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Search the report</source>
        <translation>搜索报告</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Clear the search and all filters</source>
        <translation>清除搜索和全部筛选条件</translation>
    </message>
    <message>
        <source>No recommendation matches the current search and filters.</source>
        <translation>没有符合当前搜索和筛选条件的建议。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Type to search every section of the report: Chinese of any length, Latin terms (TISC, WIPO GREEN), or several terms separated by spaces (all must match). Enter opens the first result.

Below, tick facets to narrow the tree; the numbers count recommendations in the current result. Values ticked in one facet combine with OR, different facets with AND.</source>
        <translation>输入关键词即可搜索报告全部章节：任意长度的中文、拉丁字母词语（TISC、WIPO GREEN），或用空格分隔的多个词语（须全部匹配）。按 Enter 打开第一条结果。

在下方勾选分面可缩小目录树范围；括号中的数字是当前结果中的建议数。同一分面内勾选的多个值满足其一即可（或），不同分面须同时满足（且）。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 处</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>DA Navigator Help</source>
        <translation>发展议程导航帮助</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>%1 of %2 recommendations shown</source>
        <translation>显示 %1 / %2 项建议</translation>
    </message>
    <message>
        <source>Bookmark not saved</source>
        <translation>书签未保存</translation>
    </message>
    <message>
        <source>Bookmark saved</source>
        <translation>书签已保存</translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation>书签已删除</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>About DA Navigator</source>
        <translation>关于发展议程导航</translation>
    </message>
    <message>
        <source>DA Navigator (发展议程导航) — an offline reader for %1 (%2), the progress report on the 45 WIPO Development Agenda recommendations.</source>
        <translation>发展议程导航（DA Navigator）——%1（%2）的离线阅读器：产权组织 45 项发展议程建议实施进展报告。</translation>
    </message>
    <message>
        <source>Translation file missing: %1 (run make i18n)</source>
        <translation>缺少翻译文件：%1（请运行 make i18n）</translation>
    </message>
    <message>
        <source>DA Navigator — %1</source>
        <translation>发展议程导航 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Edition: document symbol · date · language</source>
        <translation>版本：文件编号 · 日期 · 语言</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Go to Recommendation</source>
        <translation>转到建议</translation>
    </message>
    <message>
        <source>Recommendation number (1–%1):</source>
        <translation>建议编号（1–%1）：</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>(no sections on this page)</source>
        <translation>（本页没有分节）</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>本页章节(&amp;S)</translation>
    </message>
</context>
<context>
    <name>NoteDrafts</name>
    <message>
        <source>The bookmark store is closed.</source>
        <translation>书签文件已关闭。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters; %2 were not added.</source>
        <translation>一条备注最多 %1 字；有 %2 字未能加入。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>This note was changed in another window. Your text is kept here, not saved; the other text is saved. Which should the note keep?</source>
        <translation>此备注已在另一窗口中修改。您的文字保留在此处，尚未保存；已保存的是另一窗口的文字。备注应保留哪一份？</translation>
    </message>
    <message>
        <source>Changed in another window — not saved</source>
        <translation>已在另一窗口中修改 — 未保存</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>shorten it to save</source>
        <translation>请缩短后再保存</translation>
    </message>
    <message>
        <source>Not saved (%1): %2</source>
        <translation>未保存（%1）：%2</translation>
    </message>
    <message>
        <source>Note (saved automatically)</source>
        <translation>备注（自动保存）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Use the other</source>
        <translation>采用另一份</translation>
    </message>
    <message>
        <source>Save your text followed by the other window&apos;s text</source>
        <translation>保存您的文字，其后附上另一窗口的文字</translation>
    </message>
    <message>
        <source>Save your text in place of the other window&apos;s text</source>
        <translation>用您的文字替换另一窗口的文字</translation>
    </message>
    <message>
        <source>Discard your text and show the other window&apos;s text</source>
        <translation>放弃您的文字，显示另一窗口的文字</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>%1 · %2 · reporting period %3 · %4 recommendations in 6 clusters</source>
        <translation>%1 · %2 · 报告期 %3 · 6 个组别共 %4 项建议</translation>
    </message>
    <message>
        <source>&amp;Recommendations by cluster and WIPO sector</source>
        <translation>按组别和产权组织部门统计的建议数(&amp;R)</translation>
    </message>
    <message>
        <source>Most-mentioned &amp;countries and groups (recommendations)</source>
        <translation>提及最多的国家和集团（建议数）(&amp;C)</translation>
    </message>
    <message>
        <source>Most-cited &amp;documents (recommendations)</source>
        <translation>引用最多的文件（建议数）(&amp;D)</translation>
    </message>
    <message>
        <source>Click a cell or a bar (or focus it and press Enter) to filter the tree. Clusters: </source>
        <translation>点击单元格或条形（或用键盘选中后按 Enter）即可筛选目录树。组别：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Cluster %1 × %2: %3 recommendations</source>
        <translation>第 %1 组 × %2：%3 项建议</translation>
    </message>
    <message>
        <source>%1: mentioned in %2 recommendations</source>
        <translation>%1：在 %2 项建议中提及</translation>
    </message>
    <message>
        <source>%1: cited in %2 recommendations</source>
        <translation>%1：被 %2 项建议引用</translation>
    </message>
    <message>
        <source>Heat map of recommendations by cluster and sector</source>
        <translation>按组别和部门统计建议数的热图</translation>
    </message>
    <message>
        <source>Bar chart of most-mentioned countries</source>
        <translation>提及最多的国家条形图</translation>
    </message>
    <message>
        <source>Bar chart of most-cited documents</source>
        <translation>引用最多的文件条形图</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecommendationTree</name>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>UserData</name>
    <message>
        <source>Bookmarks and notes are off: the app could not use the folder %1 (%2).</source>
        <translation>书签和备注不可用：程序无法使用文件夹 %1（%2）。</translation>
    </message>
    <message>
        <source>Portable mode: the folder %1 cannot be written to (%2). Bookmarks, notes and settings are kept in %3 instead.</source>
        <translation>便携模式：文件夹 %1 无法写入（%2）。书签、备注和设置改为保存在 %3。</translation>
    </message>
    <message>
        <source>the HOME environment variable is not set</source>
        <translation>未设置 HOME 环境变量</translation>
    </message>
    <message>
        <source>the system names no per-user data folder</source>
        <translation>系统未提供用户数据文件夹</translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation>已有同名文件</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Added %1</source>
        <translation>添加于 %1</translation>
    </message>
    <message>
        <source>Remove bookmark (the note is kept if you bookmark it again)</source>
        <translation>删除书签（再次添加书签时备注仍保留）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>DA Navigator cannot continue</source>
        <translation>发展议程导航无法继续运行</translation>
    </message>
    <message>
        <source>The installation is damaged: the content database cannot be read. Please reinstall DA Navigator.

Details: %1</source>
        <translation>安装已损坏：无法读取内容数据库。请重新安装发展议程导航。

详情：%1</translation>
    </message>
    <message>
        <source>The content database could not be opened:

%1</source>
        <translation>无法打开内容数据库：

%1</translation>
    </message>
</context>
</TS>
