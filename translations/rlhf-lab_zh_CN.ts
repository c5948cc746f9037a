<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>lab::DemoProjectWorker</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the demo project to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::IncidentListView</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by title or kind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln incidents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lab::IncidentTableModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::LogTextView</name>
    <message>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Line &amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::LogView</name>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (regular expression)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the visible lines. Enter: next hit, Shift+Enter: previous hit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all lines again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous E&amp;rror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search wrapped to the bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error below this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error above this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is hidden by the filter; showing line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line number (1–%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::MainWindow</name>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RLHF Log Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read failed jobs&apos; logs, compare explanations, teach the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any text log: Spark, DLT, Kubernetes, S3, JSON…  (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lab database with incidents, votes and runs  (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic incidents from Spark, DLT, Kubernetes, S3 and apps, built on first use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: drop a log or a project file anywhere on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lab database with incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RLHF Log Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident &amp;Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop indexing (the lines read so far stay available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected log format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#dc2626&apos;&gt;● %1 errors&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#b7791f&apos;&gt;● %2 warnings&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the incident&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs (*.log *.txt *.out *.err *.json *.jsonl *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab projects (*.lab *.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RLHF Log Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;RLHF Log Lab %1&lt;/h3&gt;&lt;p&gt;Teach a language model to explain failed jobs from their logs, the way an on-call engineer would: read logs, vote on explanations, train reward, DPO and PPO adapters, and measure whether alignment helped.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the synthetic demo project, building it on first use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;LibTorch %1, threads: %2, BLAS: %3&lt;br&gt;Devices: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::TemplatePanel</name>
    <message>
        <source>Filter templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop mining templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a template to show only its lines in the log (Enter does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template mining stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No log open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mining templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 templates in %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lab::TemplateTableModel</name>
    <message>
        <source>(empty line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 lines
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read logs, vote on explanations, align a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs or project files (.lab) to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window once loaded, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the opened log for this regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow matrix products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
