<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>lab</name>
    <message>
        <source>lost root cause</source>
        <translation>丢失根本原因</translation>
    </message>
    <message>
        <source>new hallucination</source>
        <translation>新增幻觉</translation>
    </message>
    <message>
        <source>new unsafe action</source>
        <translation>新增不安全操作</translation>
    </message>
    <message>
        <source>score drop</source>
        <translation>分数下降</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>幻觉</translation>
    </message>
    <message>
        <source>Unsafe action</source>
        <translation>不安全操作</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>可接受</translation>
    </message>
    <message>
        <source>Cites a key identifier</source>
        <translation>引用关键标识符</translation>
    </message>
    <message>
        <source>Mean length (words)</source>
        <translation>平均长度（词）</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Mean reward</source>
        <translation>平均奖励</translation>
    </message>
    <message>
        <source>Win rate of B over A</source>
        <translation>B 相对 A 的胜率</translation>
    </message>
</context>
<context>
    <name>lab::AboutDialog</name>
    <message>
        <source>About RLHF Log Lab</source>
        <translation>关于 RLHF Log Lab</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (the slow reference BLAS: install libopenblas0-pthread)</source>
        <translation>%1（较慢的参考 BLAS：请安装 libopenblas0-pthread）</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <source>LibTorch threads</source>
        <translation>LibTorch 线程</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RLHF Log Lab %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;RLHF Log Lab %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Teach a language model to explain failed jobs from their logs, the way an on-call engineer would: read logs, vote on explanations, train reward, DPO and PPO adapters, and measure whether alignment helped. Everything runs offline.</source>
        <translation>教语言模型像值班工程师那样根据日志解释失败的作业：阅读日志、为解释投票、训练奖励模型以及 DPO 和 PPO 适配器，并衡量对齐是否带来了改进。一切均离线运行。</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (threads: %2)</source>
        <translation>%1（线程：%2）</translation>
    </message>
</context>
<context>
    <name>lab::AdapterTableModel</name>
    <message>
        <source>The run that made it is no longer in the project.</source>
        <translation>生成它的运行已不在项目中。</translation>
    </message>
    <message>
        <source>Imported from a PEFT folder.</source>
        <translation>从 PEFT 文件夹导入。</translation>
    </message>
    <message>
        <source>Run %1, %2 at %3</source>
        <translation>运行 %1，%2，于 %3</translation>
    </message>
    <message>
        <source>Run %1, %2</source>
        <translation>运行 %1，%2</translation>
    </message>
    <message>
        <source>The lab explains with this adapter.</source>
        <translation>实验室当前使用此适配器生成解释。</translation>
    </message>
    <message>
        <source>Not evaluated yet: select it and press Evaluate.</source>
        <translation>尚未评估：选中它并点击“评估”。</translation>
    </message>
    <message numerus="yes">
        <source>On %n held-out incident(s) of %1</source>
        <translation>
            <numerusform>基于 %1 中的 %n 个留出事件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>运行 #%1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>幻觉</translation>
    </message>
    <message>
        <source>Mean length</source>
        <translation>平均长度</translation>
    </message>
    <message>
        <source>Mean reward</source>
        <translation>平均奖励</translation>
    </message>
</context>
<context>
    <name>lab::AdaptersView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Explain with the selected adapter</source>
        <translation>使用所选适配器生成解释</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Undo the last activation: back to the adapter used before it, or the base model</source>
        <translation>撤销上一次激活：恢复到之前使用的适配器或基础模型</translation>
    </message>
    <message>
        <source>Use base model</source>
        <translation>使用基础模型</translation>
    </message>
    <message>
        <source>Explain without an adapter</source>
        <translation>不使用适配器生成解释</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the selected adapter as a PEFT folder</source>
        <translation>将所选适配器导出为 PEFT 文件夹</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Explain the held-out incidents with the selected adapter and store its metrics</source>
        <translation>使用所选适配器解释留出事件，并保存其指标</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the adapters again</source>
        <translation>重新读取适配器</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the evaluation (nothing is stored)</source>
        <translation>停止评估（不保存任何结果）</translation>
    </message>
    <message>
        <source>Activate adapter</source>
        <translation>激活适配器</translation>
    </message>
    <message>
        <source>No adapters yet: a DPO or PPO run that finishes adds one.</source>
        <translation>尚无适配器：DPO 或 PPO 运行完成后会添加一个。</translation>
    </message>
    <message>
        <source>Adapter &quot;%1&quot; comes from %2 run #%3, which is %4, not finished. Use it anyway?</source>
        <translation>适配器“%1”来自 %2 运行 #%3，该运行状态为 %4，尚未完成。仍要使用吗？</translation>
    </message>
    <message>
        <source>Explaining with adapter &quot;%1&quot;.</source>
        <translation>正在使用适配器“%1”生成解释。</translation>
    </message>
    <message>
        <source>the base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Rolled back from %1 to %2.</source>
        <translation>已从 %1 回滚到 %2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Explaining with the base model (no adapter).</source>
        <translation>正在使用基础模型生成解释（无适配器）。</translation>
    </message>
    <message>
        <source>Export adapter &quot;%1&quot; into an empty folder</source>
        <translation>将适配器“%1”导出到空文件夹</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2 (PEFT: adapter_config.json, adapter_model.safetensors).</source>
        <translation>已将“%1”导出到 %2（PEFT：adapter_config.json、adapter_model.safetensors）。</translation>
    </message>
    <message>
        <source>Evaluating &quot;%1&quot;: %p%</source>
        <translation>正在评估“%1”：%p%</translation>
    </message>
    <message>
        <source>Explaining the held-out incidents with &quot;%1&quot;…</source>
        <translation>正在使用“%1”解释留出事件…</translation>
    </message>
    <message>
        <source>Cancelling the evaluation of &quot;%1&quot;…</source>
        <translation>正在取消“%1”的评估…</translation>
    </message>
    <message>
        <source>Evaluation of &quot;%1&quot; cancelled; nothing stored.</source>
        <translation>已取消“%1”的评估，未保存任何结果。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; on %2 held-out incidents: root cause %3%, hallucination %4%, %5 words.</source>
        <translation>“%1”在 %2 个留出事件上：根本原因 %3%，幻觉 %4%，%5 词。</translation>
    </message>
</context>
<context>
    <name>lab::AgreementModel</name>
    <message>
        <source>worse than chance</source>
        <translation>差于随机</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>almost perfect</source>
        <translation>几乎完全</translation>
    </message>
    <message>
        <source>Undefined: both gave one and the same verdict on every shared pair, so chance agreement is already 100%</source>
        <translation>未定义：两人在每个共同样本对上都给出了同一个判定，因此随机一致性已是 100%</translation>
    </message>
    <message>
        <source>κ = %1 (%2 agreement) over %3 shared pairs</source>
        <translation>κ = %1（%2一致），基于 %3 个共同样本对</translation>
    </message>
    <message>
        <source>They gave the same verdict on %1 of %2 shared pairs</source>
        <translation>在 %2 个共同样本对中，有 %1 个判定相同</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Shared pairs</source>
        <translation>共同样本对</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen’s κ</translation>
    </message>
    <message>
        <source>Pairs both annotators gave a verdict on (skips left out)</source>
        <translation>两位标注者都给出了判定的样本对（不含跳过）</translation>
    </message>
    <message>
        <source>Share of shared pairs with the same verdict</source>
        <translation>判定相同的共同样本对所占比例</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa: agreement corrected for chance, (observed − expected) / (1 − expected), where expected comes from each annotator&apos;s own mix of verdicts. 1 is perfect, 0 is chance level, below 0 worse than chance. Landis &amp; Koch: 0.41–0.60 moderate, 0.61–0.80 substantial.</source>
        <translation>Cohen’s kappa：经随机校正的一致性，即 (观测值 − 期望值) / (1 − 期望值)，其中期望值由每位标注者各自的判定分布得出。1 表示完全一致，0 表示随机水平，低于 0 表示差于随机。Landis &amp; Koch：0.41–0.60 为中等一致，0.61–0.80 为高度一致。</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorDialog</name>
    <message>
        <source>Who is labeling?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <source>Every vote is signed with a profile. Pick yours, or type a new name.</source>
        <translation>每次投票都会署上一个档案名。请选择你的档案，或输入新名称。</translation>
    </message>
    <message>
        <source>Type to filter, or a new name</source>
        <translation>输入以筛选，或输入新名称</translation>
    </message>
    <message>
        <source>Create Profile</source>
        <translation>创建档案</translation>
    </message>
    <message>
        <source>Create a new profile with the typed name, even when it matches others in part</source>
        <translation>使用输入的名称创建新档案，即使它与其他名称部分匹配</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Profile created %1</source>
        <translation>档案创建于 %1</translation>
    </message>
    <message>
        <source>Simulated annotators (not offered for voting): %1</source>
        <translation>模拟标注者（不可用于投票）：%1</translation>
    </message>
    <message>
        <source>Type a name for the new profile.</source>
        <translation>请输入新档案的名称。</translation>
    </message>
    <message numerus="yes">
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>名称最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>A name cannot contain control characters or line breaks.</source>
        <translation>名称不能包含控制字符或换行符。</translation>
    </message>
    <message>
        <source>“%1” is a simulated annotator; people vote under their own name.</source>
        <translation>“%1”是模拟标注者；真人请以自己的名称投票。</translation>
    </message>
    <message>
        <source>“%1” already exists; pick it from the list.</source>
        <translation>“%1”已存在，请从列表中选择。</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <translation>创建“%1”</translation>
    </message>
    <message>
        <source>Label as %1</source>
        <translation>以 %1 身份标注</translation>
    </message>
    <message>
        <source>Enter: label as %1.</source>
        <translation>Enter：以 %1 身份标注。</translation>
    </message>
    <message>
        <source>Create and Label</source>
        <translation>创建并标注</translation>
    </message>
    <message>
        <source>Enter: create the profile “%1”.</source>
        <translation>Enter：创建档案“%1”。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>No profiles yet: type your name.</source>
        <translation>尚无档案：请输入你的名字。</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorProgressModel</name>
    <message>
        <source>%1 has voted on or skipped %2 pairs; %3 are still waiting for them.</source>
        <translation>%1 已对 %2 个样本对投票或跳过；还有 %3 个等待其处理。</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Pairs this annotator has voted on or skipped</source>
        <translation>该标注者已投票或跳过的样本对</translation>
    </message>
    <message>
        <source>Pairs this annotator has not seen yet</source>
        <translation>该标注者尚未看过的样本对</translation>
    </message>
    <message>
        <source>Done as a share of all pairs</source>
        <translation>已完成数占全部样本对的比例</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorQualityModel</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <source>%1 verdicts (skips left out)</source>
        <translation>%1 个判定（不含跳过）</translation>
    </message>
    <message>
        <source>No verdicts on gold pairs yet, so no accuracy</source>
        <translation>尚无黄金样本对的判定，因此没有准确率</translation>
    </message>
    <message>
        <source>%1 of %2 verdicts on gold pairs match the known answer</source>
        <translation>在黄金样本对上的 %2 个判定中，有 %1 个与已知答案一致</translation>
    </message>
    <message>
        <source>No A-better or B-better verdicts yet</source>
        <translation>尚无“A 更好”或“B 更好”的判定</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts (%3): too far from 50% to be chance. This annotator may favour the %4 side.</source>
        <translation>在 %2 个有倾向的判定中，左侧窗格胜出 %1 个（%3）：与 50% 相差太大，不像是随机所致。该标注者可能偏向%4侧。</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts; too few to judge a bias (%3 needed)</source>
        <translation>在 %2 个有倾向的判定中，左侧窗格胜出 %1 个；数量太少，无法判断偏差（需要 %3 个）</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts: no sign of a position bias</source>
        <translation>在 %2 个有倾向的判定中，左侧窗格胜出 %1 个：没有位置偏差的迹象</translation>
    </message>
    <message>
        <source>Mean words of the chosen minus the rejected explanation: %1; chose the longer one in %2 of the sided verdicts where the lengths differ</source>
        <translation>所选解释与被拒解释的平均词数之差：%1；在长度不同的有倾向判定中，有 %2 次选择了较长的一个</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Gold accuracy</source>
        <translation>黄金准确率</translation>
    </message>
    <message>
        <source>Left wins</source>
        <translation>左侧胜出</translation>
    </message>
    <message>
        <source>Δ words</source>
        <translation>Δ 词数</translation>
    </message>
    <message>
        <source>Chose longer</source>
        <translation>选择较长</translation>
    </message>
    <message>
        <source>Verdicts given: A better, B better, tie, both bad. Skips are not counted.</source>
        <translation>已给出的判定：A 更好、B 更好、平局、都不好。跳过不计入。</translation>
    </message>
    <message>
        <source>Accuracy on gold pairs: pairs whose right answer is known, mixed into the queue to check annotators. Shown with correct/total; a dash until the annotator has voted on one.</source>
        <translation>黄金样本对上的准确率：黄金样本对是已知正确答案的样本对，混入队列中用于检验标注者。以“正确数/总数”显示；标注者投票前显示为短横线。</translation>
    </message>
    <message>
        <source>Left-side win rate (position bias): the share of A-better/B-better verdicts that chose the explanation shown on the left. Sides are random, so an unbiased annotator is near 50%. Highlighted when it is too far from 50% to be chance (at least %1 verdicts).</source>
        <translation>左侧胜率（位置偏差）：在“A 更好/B 更好”判定中，选择左侧所示解释的比例。左右位置是随机的，因此无偏差的标注者应接近 50%。当与 50% 相差过大、不像随机所致时（至少 %1 个判定）会高亮显示。</translation>
    </message>
    <message>
        <source>Verbosity bias: mean number of words of the chosen explanation minus the rejected one, over A-better/B-better verdicts. Large positive values mean longer answers win.</source>
        <translation>冗长度偏差：在“A 更好/B 更好”判定中，所选解释的平均词数减去被拒解释的平均词数。正值越大，说明越长的回答越容易胜出。</translation>
    </message>
    <message>
        <source>Verbosity bias: share of A-better/B-better verdicts that chose the longer explanation (pairs of equal length left out). Good explanations are usually concise, so a high share suggests length is being rewarded.</source>
        <translation>冗长度偏差：在“A 更好/B 更好”判定中选择较长解释的比例（不含长度相同的样本对）。好的解释通常简洁，因此比例偏高说明长度正在被奖励。</translation>
    </message>
</context>
<context>
    <name>lab::BlindReviewPanel</name>
    <message>
        <source>Show log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <source>Open this incident&apos;s log in the log view</source>
        <translation>在日志视图中打开此事件的日志</translation>
    </message>
    <message>
        <source>Left better</source>
        <translation>左侧更好</translation>
    </message>
    <message>
        <source>Right better</source>
        <translation>右侧更好</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>都不好</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Next  (Space)</source>
        <translation>下一个（Space）</translation>
    </message>
    <message>
        <source>Run an evaluation of two models first: blind review compares their explanations.</source>
        <translation>请先对两个模型运行评估：盲评会比较它们的解释。</translation>
    </message>
    <message>
        <source>&lt;i&gt;Which explanation would you act on? The models stay hidden until you vote.&lt;/i&gt;</source>
        <translation>&lt;i&gt;你会依据哪个解释采取行动？投票之前模型身份保持隐藏。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>没有可评审的内容。</translation>
    </message>
    <message>
        <source>All %1 incidents reviewed. Run another evaluation for more.</source>
        <translation>已评审全部 %1 个事件。再运行一次评估以获取更多。</translation>
    </message>
    <message>
        <source>Incident %1 (%2) · %3 of %4</source>
        <translation>事件 %1（%2）· 第 %3 个，共 %4 个</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Skip  (Space)</source>
        <translation>跳过（Space）</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>左侧：%1</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>右侧：%1</translation>
    </message>
    <message>
        <source>you preferred &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>你更倾向于 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>both bad</source>
        <translation>都不好</translation>
    </message>
    <message>
        <source>a tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>the simulated engineer prefers &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>模拟工程师更倾向于 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the simulated engineer calls it a tie</source>
        <translation>模拟工程师判为平局</translation>
    </message>
    <message>
        <source>Left was &lt;b&gt;%1&lt;/b&gt;, right was &lt;b&gt;%2&lt;/b&gt;: %3; %4.</source>
        <translation>左侧是 &lt;b&gt;%1&lt;/b&gt;，右侧是 &lt;b&gt;%2&lt;/b&gt;：%3；%4。</translation>
    </message>
    <message>
        <source>No blind votes yet between %1 and %2.</source>
        <translation>%1 与 %2 之间尚无盲评投票。</translation>
    </message>
    <message>
        <source>Blind win rate of %1 over %2: %3% (95% interval %4% – %5%) from %6 votes on %7 incidents.</source>
        <translation>%1 相对 %2 的盲评胜率：%3%（95% 区间 %4% – %5%），基于 %7 个事件上的 %6 次投票。</translation>
    </message>
</context>
<context>
    <name>lab::DemoProjectWorker</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot move the demo project to %1</source>
        <translation>无法将演示项目移动到 %1</translation>
    </message>
</context>
<context>
    <name>lab::DemoRunDialog</name>
    <message>
        <source>Synthetic incidents</source>
        <translation>合成事件</translation>
    </message>
    <message>
        <source>lab-tiny candidate pairs</source>
        <translation>lab-tiny 候选样本对</translation>
    </message>
    <message>
        <source>Simulated votes</source>
        <translation>模拟投票</translation>
    </message>
    <message>
        <source>Reward model</source>
        <translation>奖励模型</translation>
    </message>
    <message>
        <source>DPO adapter</source>
        <translation>DPO 适配器</translation>
    </message>
    <message>
        <source>PPO adapter</source>
        <translation>PPO 适配器</translation>
    </message>
    <message>
        <source>Evaluation: base, DPO, PPO</source>
        <translation>评估：基础、DPO、PPO</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Full Demo</source>
        <translation>完整演示</translation>
    </message>
    <message>
        <source>The whole loop on the bundled lab-tiny: synthetic incidents, candidate pairs, simulated votes, a reward model, DPO and PPO adapters, and their evaluation against the base model on held-out incidents. The project opens when it is done.</source>
        <translation>在内置的 lab-tiny 上运行完整流程：合成事件、候选样本对、模拟投票、奖励模型、DPO 和 PPO 适配器，以及在留出事件上将它们与基础模型进行对比评估。完成后将打开该项目。</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>The before/after table appears here when the demo is done.</source>
        <translation>演示完成后，前后对比表将显示在此处。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>当前步骤完成后停止…</translation>
    </message>
    <message>
        <source>Done in %1. Reward model accuracy on held-out votes: %2%.</source>
        <translation>用时 %1 完成。奖励模型在留出投票上的准确率：%2%。</translation>
    </message>
    <message>
        <source>Before/after on the held-out incidents:
</source>
        <translation>留出事件上的前后对比：
</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The demo failed.</source>
        <translation>演示失败。</translation>
    </message>
    <message>
        <source>The demo was stopped.</source>
        <translation>演示已停止。</translation>
    </message>
</context>
<context>
    <name>lab::DemoRunWorker</name>
    <message>
        <source>The demo stopped on an error: %1</source>
        <translation>演示因错误而停止：%1</translation>
    </message>
</context>
<context>
    <name>lab::ExplainPanel</name>
    <message>
        <source>Stop waiting for this explanation</source>
        <translation>停止等待此解释</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Sample another explanation (new seed)</source>
        <translation>重新采样一个解释（新种子）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the explanation to the clipboard</source>
        <translation>将解释复制到剪贴板</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Show the log lines the model read (click one to go to it)</source>
        <translation>显示模型读取的日志行（点击某行可跳转）</translation>
    </message>
    <message>
        <source>Explain the open log with the model: Ctrl+E, or Model ▸ Explain.</source>
        <translation>使用模型解释当前打开的日志：Ctrl+E，或 模型 ▸ 解释。</translation>
    </message>
    <message>
        <source>The model wrote nothing.</source>
        <translation>模型没有输出任何内容。</translation>
    </message>
    <message>
        <source>No explanation yet</source>
        <translation>尚无解释</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>正在解释…</translation>
    </message>
    <message>
        <source>Explaining with %1…</source>
        <translation>正在使用 %1 解释…</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>%1 s · %2 new tokens · read %3 of %4 lines (%5 tokens) · %6</source>
        <translation>%1 秒 · %2 个新 token · 读取了 %4 行中的 %3 行（%5 个 token）· %6</translation>
    </message>
    <message>
        <source> · cut at the token limit</source>
        <translation> · 已在 token 上限处截断</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>Line %1, cited by the explanation (click to go to it in the log)</source>
        <translation>第 %1 行，被解释引用（点击跳转到日志中该行）</translation>
    </message>
    <message>
        <source>Line %1 (click to go to it in the log)</source>
        <translation>第 %1 行（点击跳转到日志中该行）</translation>
    </message>
    <message>
        <source>Digest (%1 lines)</source>
        <translation>摘要（%1 行）</translation>
    </message>
    <message>
        <source>No explanation</source>
        <translation>无解释</translation>
    </message>
</context>
<context>
    <name>lab::ExplainWorker</name>
    <message>
        <source>No model found at %1.

Build the project so that the bundled lab-tiny model is copied next to the program, train one with “rlhf-lab-cli train sft”, or set LAB_MODEL_DIR to a model folder (config.json, model.safetensors, tokenizer.model).</source>
        <translation>在 %1 未找到模型。

请构建项目以便将内置的 lab-tiny 模型复制到程序旁边，或使用“rlhf-lab-cli train sft”训练一个模型，或将 LAB_MODEL_DIR 设置为模型文件夹（config.json、model.safetensors、tokenizer.model）。</translation>
    </message>
    <message>
        <source>Explaining failed: %1</source>
        <translation>解释失败：%1</translation>
    </message>
</context>
<context>
    <name>lab::ExplanationView</name>
    <message>
        <source>In the log at line %1 (and %2 more); click to go there</source>
        <translation>位于日志第 %1 行（另有 %2 处）；点击跳转</translation>
    </message>
    <message>
        <source>In the log at line %1; click to go there</source>
        <translation>位于日志第 %1 行；点击跳转</translation>
    </message>
    <message>
        <source>not in the log</source>
        <translation>不在日志中</translation>
    </message>
    <message>
        <source>No identifiers to check against the log</source>
        <translation>没有可与日志核对的标识符</translation>
    </message>
    <message>
        <source>1 identifier found in the log</source>
        <translation>在日志中找到 1 个标识符</translation>
    </message>
    <message>
        <source>%1 identifiers found in the log</source>
        <translation>在日志中找到 %1 个标识符</translation>
    </message>
    <message>
        <source>%1 not found: %2</source>
        <translation>%1 个未找到：%2</translation>
    </message>
</context>
<context>
    <name>lab::GuidelinesPanel</name>
    <message>
        <source>Read an earlier version (read-only). Each vote records the version it was made under.</source>
        <translation>查看较早的版本（只读）。每次投票都会记录其所依据的版本。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the current guidelines; saving makes a new version</source>
        <translation>编辑当前标注指南；保存后将生成新版本</translation>
    </message>
    <message>
        <source>The guidelines, in Markdown</source>
        <translation>标注指南（Markdown 格式）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Discard the changes (Esc)</source>
        <translation>放弃更改（Esc）</translation>
    </message>
    <message>
        <source>Shipped guidelines · no project open</source>
        <translation>内置标注指南 · 未打开项目</translation>
    </message>
    <message>
        <source>the shipped labeling guidelines are missing from this build</source>
        <translation>此构建中缺少内置的标注指南</translation>
    </message>
    <message>
        <source>Could not seed the guidelines: %1</source>
        <translation>无法初始化标注指南：%1</translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation>版本 %1（当前）</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>版本 %1 · %2</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>版本 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>No guidelines</source>
        <translation>无标注指南</translation>
    </message>
    <message>
        <source>%1 — older version, read-only; votes now use version %2</source>
        <translation>%1 — 旧版本，只读；当前投票使用版本 %2</translation>
    </message>
    <message>
        <source>Editing version %1. Save makes version %2.</source>
        <translation>正在编辑版本 %1。保存后将生成版本 %2。</translation>
    </message>
    <message>
        <source>Guidelines cannot be empty; nothing was saved.</source>
        <translation>标注指南不能为空；未保存任何内容。</translation>
    </message>
    <message>
        <source>Nothing changed; the guidelines stay at version %1.</source>
        <translation>没有更改；标注指南仍为版本 %1。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Could not save the guidelines: %1</source>
        <translation>无法保存标注指南：%1</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
</context>
<context>
    <name>lab::IncidentListView</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Filter by title or kind…</source>
        <translation>按标题或类型筛选…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文本(&amp;T)：</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1 个事件</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln incidents</source>
        <translation>
            <numerusform>%Ln 个事件中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation>（加载中…）</translation>
    </message>
</context>
<context>
    <name>lab::IncidentTableModel</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源方式</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>lab::KindProgressModel</name>
    <message>
        <source>(no kind)</source>
        <translation>（无类型）</translation>
    </message>
    <message>
        <source>Incidents without a known kind (imported logs)</source>
        <translation>类型未知的事件（导入的日志）</translation>
    </message>
    <message>
        <source>%1 of %2 pairs have at least one vote; %3 votes in all (skips not counted).</source>
        <translation>%2 个样本对中有 %1 个至少有一票；共 %3 票（不计跳过）。</translation>
    </message>
    <message>
        <source>Incident kind</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>样本对</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>已投票</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Candidate pairs of incidents of this kind</source>
        <translation>该类型事件的候选样本对</translation>
    </message>
    <message>
        <source>Pairs with at least one vote (skips not counted)</source>
        <translation>至少有一票的样本对（不计跳过）</translation>
    </message>
    <message>
        <source>Pairs nobody has voted on yet</source>
        <translation>尚无人投票的样本对</translation>
    </message>
    <message>
        <source>Votes on these pairs by all annotators (skips not counted)</source>
        <translation>所有标注者对这些样本对的投票数（不计跳过）</translation>
    </message>
    <message>
        <source>Pairs with a vote as a share of the kind&apos;s pairs</source>
        <translation>已投票样本对占该类型样本对的比例</translation>
    </message>
</context>
<context>
    <name>lab::LabelProgressPanel</name>
    <message>
        <source>Pairs with at least one vote, of all candidate pairs</source>
        <translation>至少有一票的样本对占全部候选样本对的比例</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <source>Per annotator</source>
        <translation>按标注者</translation>
    </message>
    <message>
        <source>Per incident kind</source>
        <translation>按事件类型</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 of %2 pairs voted (%p%)</source>
        <translation>已投票 %1 / %2 个样本对（%p%）</translation>
    </message>
    <message>
        <source>No candidate pairs yet: generate incidents or candidates first.</source>
        <translation>尚无候选样本对：请先生成事件或候选解释。</translation>
    </message>
    <message>
        <source>Votes: %1 · annotators: %2 · pairs without a vote: %3</source>
        <translation>投票：%1 · 标注者：%2 · 未投票样本对：%3</translation>
    </message>
    <message>
        <source>Updated %1 (%2 ms)</source>
        <translation>已于 %1 更新（%2 毫秒）</translation>
    </message>
</context>
<context>
    <name>lab::LabelProgressWorker</name>
    <message>
        <source>Counting labeling progress failed: %1</source>
        <translation>统计标注进度失败：%1</translation>
    </message>
</context>
<context>
    <name>lab::LabelQualityPanel</name>
    <message>
        <source>Krippendorff&apos;s alpha (nominal) over every pair that two or more annotators gave a verdict on: 1 − observed disagreement / disagreement expected by chance. 1 is perfect agreement, 0 is chance level. Labels are commonly trusted from 0.8 and used with care from 0.667. Skips are left out.</source>
        <translation>对每个有两名及以上标注者给出裁决的样本对计算 Krippendorff&apos;s alpha（名义尺度）：1 − 观测分歧 / 随机预期分歧。1 表示完全一致，0 表示随机水平。通常 0.8 以上的标注可信，0.667 以上可谨慎使用。跳过不计入。</translation>
    </message>
    <message>
        <source>Compute again from all votes</source>
        <translation>根据全部投票重新计算</translation>
    </message>
    <message>
        <source>Per annotator</source>
        <translation>按标注者</translation>
    </message>
    <message>
        <source>Gold accuracy, position bias and verbosity bias of each annotator</source>
        <translation>每位标注者的黄金样本对准确率、位置偏差和冗长度偏差</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>标注者间一致性</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa for every two annotators who voted on the same pairs</source>
        <translation>对同一批样本对投过票的每两名标注者之间的 Cohen&apos;s kappa</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α: %1</source>
        <translation>Krippendorff&apos;s α：%1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Reading votes…</source>
        <translation>正在读取投票…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Verdicts: %1 · skips: %2 · annotators: %3 · pairs with two or more verdicts: %4.</source>
        <translation>裁决：%1 · 跳过：%2 · 标注者：%3 · 有两个及以上裁决的样本对：%4。</translation>
    </message>
    <message>
        <source>Agreement needs pairs voted by two annotators.</source>
        <translation>计算一致性需要有两名标注者投过票的样本对。</translation>
    </message>
    <message>
        <source>Alpha is undefined: every verdict on those pairs is the same.</source>
        <translation>α 无定义：这些样本对上的所有裁决都相同。</translation>
    </message>
    <message>
        <source>Position bias (see Left wins): %1</source>
        <translation>位置偏差（见“左侧胜出”）：%1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>已于 %1 更新</translation>
    </message>
</context>
<context>
    <name>lab::LabelQualityWorker</name>
    <message>
        <source>Computing label quality failed: %1</source>
        <translation>计算标注质量失败：%1</translation>
    </message>
</context>
<context>
    <name>lab::LabelSession</name>
    <message>
        <source>The vote on pair %1 was not saved: %2</source>
        <translation>样本对 %1 的投票未保存：%2</translation>
    </message>
    <message>
        <source>Cannot undo the vote on pair %1: %2</source>
        <translation>无法撤销样本对 %1 的投票：%2</translation>
    </message>
</context>
<context>
    <name>lab::LabelView</name>
    <message>
        <source>Your votes, newest first. Double-click or press Enter on one to see the pair again and change it.</source>
        <translation>你的投票，最新的在前。双击某项或按 Enter 可重新查看该样本对并修改投票。</translation>
    </message>
    <message>
        <source>Labeling has not started</source>
        <translation>标注尚未开始</translation>
    </message>
    <message>
        <source>Open a project and choose Label ▸ Start Labeling (Ctrl+L).</source>
        <translation>请打开一个项目，然后选择“标注 ▸ 开始标注”（Ctrl+L）。</translation>
    </message>
    <message>
        <source>Back to the queue (Esc)</source>
        <translation>返回队列（Esc）</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Only cited lines</source>
        <translation>仅显示引用行</translation>
    </message>
    <message>
        <source>Show only the log lines the two explanations rely on (marked in the margin)</source>
        <translation>仅显示两个解释所依据的日志行（在边栏中标出）</translation>
    </message>
    <message>
        <source>Cited by the explanations</source>
        <translation>被解释引用</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>&amp;Root cause right</source>
        <translation>根本原因正确(&amp;R)</translation>
    </message>
    <message>
        <source>Blames a s&amp;ymptom</source>
        <translation>归咎于症状(&amp;Y)</translation>
    </message>
    <message>
        <source>Blames &amp;noise</source>
        <translation>归咎于噪声(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Hallucination</source>
        <translation>幻觉(&amp;H)</translation>
    </message>
    <message>
        <source>Unsafe &amp;action</source>
        <translation>不安全操作(&amp;A)</translation>
    </message>
    <message>
        <source>Too &amp;verbose</source>
        <translation>过于冗长(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Generic</source>
        <translation>泛泛而谈(&amp;G)</translation>
    </message>
    <message>
        <source>Why? (optional: saved with the vote. Enter or Esc returns to the vote keys)</source>
        <translation>理由？（可选：随投票一起保存。按 Enter 或 Esc 返回投票快捷键）</translation>
    </message>
    <message>
        <source>A better  (1)</source>
        <translation>A 更好（1）</translation>
    </message>
    <message>
        <source>B better  (2)</source>
        <translation>B 更好（2）</translation>
    </message>
    <message>
        <source>Tie  (3)</source>
        <translation>平局（3）</translation>
    </message>
    <message>
        <source>Both bad  (4)</source>
        <translation>都不好（4）</translation>
    </message>
    <message>
        <source>Skip  (Space)</source>
        <translation>跳过（Space）</translation>
    </message>
    <message>
        <source>Undo  (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Undo the last vote  (Ctrl+Z)</source>
        <translation>撤销上一次投票（Ctrl+Z）</translation>
    </message>
    <message>
        <source>A Better</source>
        <translation>A 更好</translation>
    </message>
    <message>
        <source>B Better</source>
        <translation>B 更好</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>Both Bad</source>
        <translation>都不好</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>%1 — key %2</source>
        <translation>%1 — 快捷键 %2</translation>
    </message>
    <message>
        <source>Undo Vote</source>
        <translation>撤销投票</translation>
    </message>
    <message>
        <source>Take the last vote back and see its pair again — Ctrl+Z</source>
        <translation>收回上一次投票并重新查看其样本对 — Ctrl+Z</translation>
    </message>
    <message>
        <source>Cannot load the next pair</source>
        <translation>无法加载下一个样本对</translation>
    </message>
    <message>
        <source>unknown kind</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <source>Pair %1 · incident %2 · %3%4</source>
        <translation>样本对 %1 · 事件 %2 · %3%4</translation>
    </message>
    <message>
        <source>You voted &lt;b&gt;%1&lt;/b&gt; on this pair (%2). A new vote replaces it.</source>
        <translation>你已对此样本对投票 &lt;b&gt;%1&lt;/b&gt;（%2）。新的投票将替换它。</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>事件 %1</translation>
    </message>
    <message>
        <source>Loading the next pair…</source>
        <translation>正在加载下一个样本对…</translation>
    </message>
    <message>
        <source>Nothing left to label</source>
        <translation>没有待标注的内容了</translation>
    </message>
    <message>
        <source>You have judged every pair of this project (%1 done). New pairs come when incidents are added or the model writes new candidates; “Check again” looks for them.</source>
        <translation>你已评判完此项目的所有样本对（已完成 %1 个）。添加事件或模型生成新的候选解释后会出现新的样本对；“重新检查”会查找它们。</translation>
    </message>
    <message>
        <source>%1 done · %2 left</source>
        <translation>已完成 %1 · 剩余 %2</translation>
    </message>
</context>
<context>
    <name>lab::LogTextView</name>
    <message>
        <source>Log lines</source>
        <translation>日志行</translation>
    </message>
    <message>
        <source>&amp;Copy Line</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>Copy Line &amp;Number</source>
        <translation>复制行号(&amp;N)</translation>
    </message>
</context>
<context>
    <name>lab::LogView</name>
    <message>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>错误及以上</translation>
    </message>
    <message>
        <source>Search (regular expression)…</source>
        <translation>搜索（正则表达式）…</translation>
    </message>
    <message>
        <source>Search the visible lines. Enter: next hit, Shift+Enter: previous hit.</source>
        <translation>在可见行中搜索。Enter：下一个匹配，Shift+Enter：上一个匹配。</translation>
    </message>
    <message>
        <source>Regular expression (Alt+R)</source>
        <translation>正则表达式（Alt+R）</translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation>区分大小写（Alt+C）</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>停止搜索</translation>
    </message>
    <message>
        <source>Show all lines again</source>
        <translation>重新显示所有行</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;Error</source>
        <translation>下一个错误(&amp;E)</translation>
    </message>
    <message>
        <source>Previous E&amp;rror</source>
        <translation>上一个错误(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>转到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>无效的模式</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation>已从顶部重新开始搜索</translation>
    </message>
    <message>
        <source>Search wrapped to the bottom</source>
        <translation>已从底部重新开始搜索</translation>
    </message>
    <message>
        <source>No error below this line</source>
        <translation>此行下方没有错误</translation>
    </message>
    <message>
        <source>No error above this line</source>
        <translation>此行上方没有错误</translation>
    </message>
    <message>
        <source>Line %1 is hidden by the filter; showing line %2</source>
        <translation>第 %1 行被筛选器隐藏；显示第 %2 行</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Line number (1–%1):</source>
        <translation>行号（1–%1）：</translation>
    </message>
</context>
<context>
    <name>lab::MainWindow</name>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>标注指南</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>RLHF Log Lab</source>
        <translation>RLHF Log Lab</translation>
    </message>
    <message>
        <source>Read failed jobs&apos; logs, compare explanations, teach the model.</source>
        <translation>阅读失败作业的日志，比较解释，训练模型。</translation>
    </message>
    <message>
        <source>Open a log…</source>
        <translation>打开日志…</translation>
    </message>
    <message>
        <source>Any text log: Spark, DLT, Kubernetes, S3, JSON…  (Ctrl+O)</source>
        <translation>任意文本日志：Spark、DLT、Kubernetes、S3、JSON…（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>A lab database with incidents, votes and runs  (Ctrl+Shift+O)</source>
        <translation>包含事件、投票和训练运行的实验数据库（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <source>Synthetic incidents from Spark, DLT, Kubernetes, S3 and apps, built on first use</source>
        <translation>来自 Spark、DLT、Kubernetes、S3 和应用程序的合成事件，首次使用时构建</translation>
    </message>
    <message>
        <source>Run the full demo…</source>
        <translation>运行完整演示…</translation>
    </message>
    <message>
        <source>Votes, reward model, DPO and PPO trained from scratch, then base vs aligned on held-out incidents (15 to 20 minutes on 2 cores)</source>
        <translation>投票，从零训练奖励模型、DPO 和 PPO，然后在留出事件上比较基础模型与对齐后的模型（2 核约需 15 到 20 分钟）</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>Tip: drop a log or a project file anywhere on this window.</source>
        <translation>提示：可将日志或项目文件拖放到此窗口的任意位置。</translation>
    </message>
    <message>
        <source>&amp;Open Log…</source>
        <translation>打开日志(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a log file</source>
        <translation>打开日志文件</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a lab database with incidents</source>
        <translation>打开包含事件的实验数据库</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>打开演示项目(&amp;D)</translation>
    </message>
    <message>
        <source>Open the synthetic demo project, building it on first use</source>
        <translation>打开合成的演示项目，首次使用时会先构建</translation>
    </message>
    <message>
        <source>Run the &amp;Full Demo…</source>
        <translation>运行完整演示(&amp;F)…</translation>
    </message>
    <message>
        <source>Train a reward model, DPO and PPO adapters in a new demo project and compare them with the base model</source>
        <translation>在新的演示项目中训练奖励模型、DPO 和 PPO 适配器，并与基础模型进行比较</translation>
    </message>
    <message>
        <source>&amp;Close Log</source>
        <translation>关闭日志(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>解释(&amp;E)</translation>
    </message>
    <message>
        <source>Ask the model why the job in this log failed</source>
        <translation>让模型解释此日志中的作业为何失败</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <source>Compare two explanations of an incident and vote for the better one</source>
        <translation>比较某个事件的两个解释，并为更好的一个投票</translation>
    </message>
    <message>
        <source>&amp;Switch Annotator…</source>
        <translation>切换标注者(&amp;S)…</translation>
    </message>
    <message>
        <source>Label under another profile (every vote is signed)</source>
        <translation>以其他身份进行标注（每次投票都会署名）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train a reward model, a DPO or a PPO adapter on the project&apos;s votes, and watch it learn</source>
        <translation>基于项目中的投票训练奖励模型、DPO 或 PPO 适配器，并观察其学习过程</translation>
    </message>
    <message>
        <source>A&amp;dapters</source>
        <translation>适配器(&amp;D)</translation>
    </message>
    <message>
        <source>The trained adapters: activate one, roll back, export it, evaluate it</source>
        <translation>已训练的适配器：启用、回滚、导出、评估</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>评审(&amp;R)</translation>
    </message>
    <message>
        <source>Base vs adapter on held-out incidents: metrics, charts, regressions, blind A/B review</source>
        <translation>在留出事件上比较基础模型与适配器：指标、图表、退化、A/B 盲评</translation>
    </message>
    <message>
        <source>&amp;Paste Log</source>
        <translation>粘贴日志(&amp;P)</translation>
    </message>
    <message>
        <source>Open the clipboard&apos;s text as a log, to explain it</source>
        <translation>将剪贴板中的文本作为日志打开，以便解释</translation>
    </message>
    <message>
        <source>&amp;About RLHF Log Lab</source>
        <translation>关于 RLHF Log Lab(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Levels</source>
        <translation>显示级别(&amp;L)</translation>
    </message>
    <message>
        <source>Incident &amp;Panel</source>
        <translation>事件面板(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xplanation Panel</source>
        <translation>解释面板(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>L&amp;abel</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>正在索引 %p%</translation>
    </message>
    <message>
        <source>Stop indexing (the lines read so far stay available)</source>
        <translation>停止索引（已读取的行仍可使用）</translation>
    </message>
    <message>
        <source>Indexing stopped</source>
        <translation>索引已停止</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Detected log format</source>
        <translation>检测到的日志格式</translation>
    </message>
    <message>
        <source>Indexed %1 lines</source>
        <translation>已索引 %1 行</translation>
    </message>
    <message>
        <source>Cannot read the log</source>
        <translation>无法读取日志</translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation>第 %1 行，共 %2 行</translation>
    </message>
    <message>
        <source>Cannot read the incidents</source>
        <translation>无法读取事件</translation>
    </message>
    <message>
        <source>Stopped. Press Ctrl+E to explain the log again.</source>
        <translation>已停止。按 Ctrl+E 重新解释日志。</translation>
    </message>
    <message>
        <source>%1 (loading the model)</source>
        <translation>%1（正在加载模型）</translation>
    </message>
    <message>
        <source>Explanations now use adapter %1</source>
        <translation>解释现在使用适配器 %1</translation>
    </message>
    <message>
        <source>Explanations now use the base model</source>
        <translation>解释现在使用基础模型</translation>
    </message>
    <message>
        <source>Cannot build the demo project</source>
        <translation>无法构建演示项目</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#dc2626&apos;&gt;● %1 errors&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#b7791f&apos;&gt;● %2 warnings&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#dc2626&apos;&gt;● %1 个错误&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#b7791f&apos;&gt;● %2 个警告&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Stopping the run: writing its checkpoint, then closing…</source>
        <translation>正在停止训练运行：先写入检查点，然后关闭…</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A training run is still going. Stop it and quit?</source>
        <translation>仍有训练运行在进行。要停止并退出吗？</translation>
    </message>
    <message>
        <source>Stopping writes a checkpoint first (a few seconds); the run can be resumed later from the Training page.</source>
        <translation>停止前会先写入检查点（需要几秒钟）；之后可在“训练”页面继续该运行。</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>labeling as %1</source>
        <translation>以 %1 身份标注</translation>
    </message>
    <message>
        <source>training run %1</source>
        <translation>训练运行 %1</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Cannot open the log</source>
        <translation>无法打开日志</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>Cannot open another project now</source>
        <translation>现在无法打开其他项目</translation>
    </message>
    <message>
        <source>A run is training on this project. Stop it first (Training ▸ Stop).</source>
        <translation>此项目上有训练运行正在进行。请先停止它（训练 ▸ 停止）。</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>已打开项目 %1</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>事件 %1</translation>
    </message>
    <message>
        <source>Cannot show the incident&apos;s log</source>
        <translation>无法显示该事件的日志</translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>打开日志</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt *.out *.err *.json *.jsonl *.csv);;All files (*)</source>
        <translation>日志 (*.log *.txt *.out *.err *.json *.jsonl *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Lab projects (*.lab *.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>实验项目 (*.lab *.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Building the demo project…</source>
        <translation>正在构建演示项目…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo Project</source>
        <translation>演示项目</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Labeling as %1: 1 A better, 2 B better, 3 tie, 4 both bad, Space skip, Ctrl+Z undo</source>
        <translation>以 %1 身份标注：1 A 更好，2 B 更好，3 平局，4 都不好，Space 跳过，Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The clipboard holds no text to open as a log</source>
        <translation>剪贴板中没有可作为日志打开的文本</translation>
    </message>
    <message>
        <source>Pasted log</source>
        <translation>粘贴的日志</translation>
    </message>
    <message>
        <source>Cannot open the pasted log</source>
        <translation>无法打开粘贴的日志</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n line(s); press Ctrl+E to explain them</source>
        <translation>
            <numerusform>已粘贴 %n 行；按 Ctrl+E 进行解释</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart the lab?</source>
        <translation>重启实验室？</translation>
    </message>
    <message>
        <source>The new language or number of threads takes effect when the lab starts again.</source>
        <translation>新的语言或线程数将在实验室下次启动时生效。</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Voting (Label page)</source>
        <translation>投票（标注页面）</translation>
    </message>
    <message>
        <source>A (left) is better</source>
        <translation>A（左）更好</translation>
    </message>
    <message>
        <source>B (right) is better</source>
        <translation>B（右）更好</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>Both are bad</source>
        <translation>都不好</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Skip the pair</source>
        <translation>跳过该样本对</translation>
    </message>
    <message>
        <source>Undo the last vote</source>
        <translation>撤销上一次投票</translation>
    </message>
    <message>
        <source>Blind review (Review page)</source>
        <translation>盲评（评审页面）</translation>
    </message>
    <message>
        <source>Left or right is better</source>
        <translation>左或右更好</translation>
    </message>
    <message>
        <source>Tie, both bad</source>
        <translation>平局、都不好</translation>
    </message>
    <message>
        <source>Next pair</source>
        <translation>下一个样本对</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Show or hide this list</source>
        <translation>显示或隐藏此列表</translation>
    </message>
    <message>
        <source>Drop a file</source>
        <translation>拖放文件</translation>
    </message>
    <message>
        <source>Open a log or a project</source>
        <translation>打开日志或项目</translation>
    </message>
    <message>
        <source>Drop text</source>
        <translation>拖放文本</translation>
    </message>
    <message>
        <source>Open it as a log to explain</source>
        <translation>将其作为日志打开并解释</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language, theme, data folder, model, device, threads, your annotator name, training defaults</source>
        <translation>语言、主题、数据文件夹、模型、设备、线程、你的标注者名称、训练默认值</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut at a glance</source>
        <translation>一览所有键盘快捷键</translation>
    </message>
    <message>
        <source>Cannot open a folder</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <source>%1 is a folder. Drop a log, a project file, or a model folder (config.json, safetensors and tokenizer.model).</source>
        <translation>%1 是一个文件夹。请拖放日志、项目文件或模型文件夹（含 config.json、safetensors 和 tokenizer.model）。</translation>
    </message>
    <message>
        <source>Use this model?</source>
        <translation>使用此模型？</translation>
    </message>
    <message>
        <source>Use the model in %1 to explain logs, train adapters and evaluate them?</source>
        <translation>使用 %1 中的模型来解释日志、训练适配器并对其进行评估？</translation>
    </message>
    <message>
        <source>Settings ▸ Model goes back to the bundled model.</source>
        <translation>可在“设置 ▸ 模型”中切换回内置模型。</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>基础模型：%1</translation>
    </message>
</context>
<context>
    <name>lab::PairLoaderWorker</name>
    <message>
        <source>Loading the next pair failed: %1</source>
        <translation>加载下一个样本对失败：%1</translation>
    </message>
    <message>
        <source>Loading pair %1 failed: %2</source>
        <translation>加载样本对 %1 失败：%2</translation>
    </message>
    <message>
        <source>(no log stored for incident %1)</source>
        <translation>（事件 %1 没有存储日志）</translation>
    </message>
</context>
<context>
    <name>lab::ReviewChart</name>
    <message>
        <source>Run an evaluation to see the measures per kind</source>
        <translation>运行评估以查看各类型的指标</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>%1 per kind</source>
        <translation>各类型的%1</translation>
    </message>
    <message>
        <source>Cannot write the chart image %1</source>
        <translation>无法写入图表图片 %1</translation>
    </message>
</context>
<context>
    <name>lab::ReviewEvalWorker</name>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
</context>
<context>
    <name>lab::ReviewMetricsModel</name>
    <message>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <source>Share of incidents where B&apos;s explanation scores higher than A&apos;s (ties count half), with its 95% percentile-bootstrap interval over incidents</source>
        <translation>B 的解释得分高于 A 的事件所占比例（平局计一半），附带基于事件的 95% 百分位自助法区间</translation>
    </message>
    <message>
        <source>Measure (all kinds)</source>
        <translation>指标（所有类型）</translation>
    </message>
    <message>
        <source>Measure (%1)</source>
        <translation>指标（%1）</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
</context>
<context>
    <name>lab::ReviewPairModel</name>
    <message>
        <source>B better</source>
        <translation>B 更好</translation>
    </message>
    <message>
        <source>A better</source>
        <translation>A 更好</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>Simulated engineer&apos;s score of B minus that of A</source>
        <translation>模拟工程师给 B 的评分减去给 A 的评分</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Δ score</source>
        <translation>Δ 分数</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>退化</translation>
    </message>
</context>
<context>
    <name>lab::ReviewView</name>
    <message>
        <source>Model A: usually the base model</source>
        <translation>模型 A：通常是基础模型</translation>
    </message>
    <message>
        <source>Model B: the adapter to judge against A</source>
        <translation>模型 B：要与 A 对比评判的适配器</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Held-out incidents to explain (all: every held-out incident)</source>
        <translation>要解释的留出事件（全部：所有留出事件）</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>Deterministic (argmax) explanations instead of sampled ones (T 0.7)</source>
        <translation>使用确定性（argmax）解释，而非采样解释（T 0.7）</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Explain the held-out incidents with A and B and compare them (F5)</source>
        <translation>用 A 和 B 解释留出事件并进行比较（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the evaluation after the batch being generated</source>
        <translation>在当前正在生成的批次完成后停止评估</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Write report.html with PNG charts, rows.csv and report.json</source>
        <translation>写出 report.html（含 PNG 图表）、rows.csv 和 report.json</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A：</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <source>Incidents:</source>
        <translation>事件数：</translation>
    </message>
    <message>
        <source>Regressions only</source>
        <translation>仅显示退化</translation>
    </message>
    <message>
        <source>Incidents where B does worse than A: lost root cause, new hallucination, new unsafe action, or a score drop</source>
        <translation>B 表现不如 A 的事件：丢失根本原因、新增幻觉、新增不安全操作或评分下降</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <source>Open this incident&apos;s log in the log view (or double-click the row)</source>
        <translation>在日志视图中打开此事件的日志（或双击该行）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#fde2e2&apos;&gt;&amp;nbsp;only in A&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d9f5df&apos;&gt;&amp;nbsp;only in B&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;identifiers: underlined = in the log (click: its line), red wavy = not in the log</source>
        <translation>&lt;span style=&apos;background:#fde2e2&apos;&gt;&amp;nbsp;仅在 A 中&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d9f5df&apos;&gt;&amp;nbsp;仅在 B 中&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;标识符：下划线 = 在日志中（点击可跳到所在行），红色波浪线 = 不在日志中</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Blind review</source>
        <translation>盲评</translation>
    </message>
    <message>
        <source>Pick A and B, then Evaluate: both explain the held-out incidents with the same seeds.</source>
        <translation>选择 A 和 B，然后点击“评估”：两者会使用相同的随机种子解释留出事件。</translation>
    </message>
    <message>
        <source>A and B are the same model; pick two different ones.</source>
        <translation>A 和 B 是同一个模型，请选择两个不同的模型。</translation>
    </message>
    <message>
        <source>A: %1 — %p%</source>
        <translation>A：%1 — %p%</translation>
    </message>
    <message>
        <source>Explaining the held-out incidents with %1, then with %2…</source>
        <translation>正在先用 %1、再用 %2 解释留出事件…</translation>
    </message>
    <message>
        <source>Cancelling after the batch being generated…</source>
        <translation>将在当前正在生成的批次完成后取消…</translation>
    </message>
    <message>
        <source>%1: %2 — %3 of %4 incidents</source>
        <translation>%1：%2 — 第 %3/%4 个事件</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Evaluation cancelled; the previous result (if any) is still shown.</source>
        <translation>评估已取消；仍显示之前的结果（如有）。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>%1 held-out incidents (%2): B = %3 wins over A = %4 at %5% [%6%, %7%]; %8 incidents regressed. Root cause %9% → %10%, hallucination %11% → %12%.</source>
        <translation>%1 个留出事件（%2）：B = %3 对 A = %4 的胜率为 %5% [%6%, %7%]；%8 个事件出现退化。根本原因 %9% → %10%，幻觉 %11% → %12%。</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>root cause ✓</source>
        <translation>根本原因 ✓</translation>
    </message>
    <message>
        <source>root cause ✗</source>
        <translation>根本原因 ✗</translation>
    </message>
    <message numerus="yes">
        <source>%n invented identifier(s)</source>
        <translation>
            <numerusform>%n 个编造的标识符</numerusform>
        </translation>
    </message>
    <message>
        <source>unsafe action</source>
        <translation>不安全操作</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>A: %1 — %2</source>
        <translation>A：%1 — %2</translation>
    </message>
    <message>
        <source>B: %1 — %2</source>
        <translation>B：%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incident %1&lt;/b&gt; (%2), sample %3: %4</source>
        <translation>&lt;b&gt;事件 %1&lt;/b&gt;（%2），样本 %3：%4</translation>
    </message>
    <message>
        <source>B better</source>
        <translation>B 更好</translation>
    </message>
    <message>
        <source>A better</source>
        <translation>A 更好</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source> — &lt;span style=&apos;color:#c81e1e&apos;&gt;regression: %1&lt;/span&gt;</source>
        <translation> — &lt;span style=&apos;color:#c81e1e&apos;&gt;退化：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing to export yet: run an evaluation first.</source>
        <translation>暂无可导出的内容：请先运行一次评估。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the chart images: %1</source>
        <translation>无法为图表图片创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>RLHF Log Lab review: %1 vs %2</source>
        <translation>RLHF Log Lab 评审：%1 对比 %2</translation>
    </message>
    <message>
        <source>%1 per kind, A vs B (PNG from the review view)</source>
        <translation>各类型的%1，A 对比 B（来自评审视图的 PNG）</translation>
    </message>
    <message>
        <source>Report written: %1 (with %2 chart images), %3, %4.</source>
        <translation>报告已写出：%1（含 %2 张图表图片）、%3、%4。</translation>
    </message>
    <message>
        <source>Write the review report into a folder</source>
        <translation>将评审报告写入文件夹</translation>
    </message>
</context>
<context>
    <name>lab::RunTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>paused by a guard</source>
        <translation>已被保护机制暂停</translation>
    </message>
    <message>
        <source>Reward model</source>
        <translation>奖励模型</translation>
    </message>
    <message>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <source>PPO</source>
        <translation>PPO</translation>
    </message>
    <message>
        <source>— / %1</source>
        <translation>— / %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>The metric that says most about this kind of run, at its last logged step</source>
        <translation>最能反映此类训练运行情况的指标，取其最后记录的步骤的值</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Key metric</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
</context>
<context>
    <name>lab::SettingsDialog</name>
    <message>
        <source>Reward model</source>
        <translation>奖励模型</translation>
    </message>
    <message>
        <source>DPO adapter</source>
        <translation>DPO 适配器</translation>
    </message>
    <message>
        <source>PPO adapter</source>
        <translation>PPO 适配器</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Labeling</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Language and threads take effect when the lab starts again; everything else at once.</source>
        <translation>语言和线程将在实验室下次启动时生效；其他设置立即生效。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Where the demo projects are made. Empty: the standard application-data folder.</source>
        <translation>演示项目的创建位置。留空：使用标准的应用程序数据文件夹。</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Reopen the last project at start</source>
        <translation>启动时重新打开上一个项目(&amp;R)</translation>
    </message>
    <message>
        <source>Bundled lab-tiny (%1)</source>
        <translation>内置 lab-tiny（%1）</translation>
    </message>
    <message>
        <source>A model folder (config.json, safetensors, tokenizer.model), such as a Hugging Face Llama checkpoint. It explains logs, trains adapters and is evaluated.</source>
        <translation>模型文件夹（含 config.json、safetensors、tokenizer.model），例如 Hugging Face 的 Llama 检查点。它用于解释日志、训练适配器并接受评估。</translation>
    </message>
    <message>
        <source>&amp;Base model:</source>
        <translation>基础模型(&amp;B)：</translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1（此处不可用）</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Threads for matrix products (LibTorch and OpenBLAS). Fewer leave cores free for other work.</source>
        <translation>用于矩阵乘法的线程数（LibTorch 和 OpenBLAS）。线程越少，留给其他工作的核心越多。</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>线程(&amp;H)：</translation>
    </message>
    <message>
        <source>The lab&apos;s own small model, trained on the synthetic incidents.</source>
        <translation>实验室自带的小模型，在合成事件上训练而成。</translation>
    </message>
    <message>
        <source>The bundled model is missing from this installation.</source>
        <translation>此安装中缺少内置模型。</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>此文件夹不存在。</translation>
    </message>
    <message>
        <source>No config.json in this folder: it is not a model folder.</source>
        <translation>此文件夹中没有 config.json：它不是模型文件夹。</translation>
    </message>
    <message>
        <source>No tokenizer.model in this folder: the model cannot read text.</source>
        <translation>此文件夹中没有 tokenizer.model：模型无法读取文本。</translation>
    </message>
    <message>
        <source>A model folder.</source>
        <translation>一个模型文件夹。</translation>
    </message>
    <message>
        <source>Ask in each project</source>
        <translation>在每个项目中询问</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>你的名字(&amp;Y)：</translation>
    </message>
    <message>
        <source>Signs your votes. Projects where you have not labeled yet start with this profile instead of asking; Label ▸ Switch Annotator picks another.</source>
        <translation>用于为你的投票署名。在你尚未标注过的项目中，将直接使用此档案而不再询问；可通过“标注 ▸ 切换标注者”选择其他档案。</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>训练器(&amp;R)：</translation>
    </message>
    <message>
        <source>The settings a new run of this trainer starts with. Restore defaults puts back the lab&apos;s own.</source>
        <translation>此训练器新运行的初始设置。“恢复默认值”会恢复实验室自带的默认设置。</translation>
    </message>
    <message>
        <source>Automatic: one per core (%1)</source>
        <translation>自动：每个核心一个（%1）</translation>
    </message>
</context>
<context>
    <name>lab::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close.</source>
        <translation>按 Esc 或 F1 关闭。</translation>
    </message>
</context>
<context>
    <name>lab::TemplatePanel</name>
    <message>
        <source>Filter templates…</source>
        <translation>筛选模板…</translation>
    </message>
    <message>
        <source>Stop mining templates</source>
        <translation>停止挖掘模板</translation>
    </message>
    <message>
        <source>Click a template to show only its lines in the log (Enter does the same)</source>
        <translation>点击某个模板，即可在日志中仅显示其对应的行（按 Enter 效果相同）</translation>
    </message>
    <message>
        <source>Template mining stopped</source>
        <translation>模板挖掘已停止</translation>
    </message>
    <message>
        <source>No log open</source>
        <translation>未打开日志</translation>
    </message>
    <message>
        <source>Mining templates…</source>
        <translation>正在挖掘模板…</translation>
    </message>
    <message>
        <source>%1 templates in %2 lines</source>
        <translation>%2 行中共有 %1 个模板</translation>
    </message>
    <message>
        <source>%1 · %2 lines</source>
        <translation>%1 · %2 行</translation>
    </message>
</context>
<context>
    <name>lab::TemplateTableModel</name>
    <message>
        <source>(empty line)</source>
        <translation>（空行）</translation>
    </message>
    <message>
        <source>%1: %2 lines
%3</source>
        <translation>%1：%2 行
%3</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>lab::TrainParam</name>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Optimizer steps in the run. Each step trains on batch_size pairs; one epoch is ceil(training pairs / batch_size) steps.</source>
        <translation>本次运行的优化器步数。每步在 batch_size 个样本对上训练；一个 epoch 为 ceil(训练样本对数 / batch_size) 步。</translation>
    </message>
    <message>
        <source>Pairs per step</source>
        <translation>每步样本对数</translation>
    </message>
    <message>
        <source>Preference pairs per step; the chosen and rejected answers of all of them go through one packed forward.</source>
        <translation>每步的偏好样本对数；所有样本对的选中回答和拒绝回答在一次打包的前向传播中计算。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate, reached after the warm-up and then lowered along a cosine. Lower it if the loss jumps about or turns NaN.</source>
        <translation>AdamW 的峰值学习率，在预热后达到，随后按余弦曲线下降。如果损失剧烈波动或变为 NaN，请降低它。</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Steps over which the learning rate rises linearly to its peak.</source>
        <translation>学习率线性升至峰值所用的步数。</translation>
    </message>
    <message>
        <source>Final learning rate ratio</source>
        <translation>最终学习率比例</translation>
    </message>
    <message>
        <source>The cosine ends at this fraction of the peak learning rate.</source>
        <translation>余弦曲线结束时的学习率为峰值学习率的此比例。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay on the weight matrices (not on norms).</source>
        <translation>AdamW 对权重矩阵（不含归一化层）施加的解耦权重衰减。</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Gradients are scaled down so that their global norm is at most this.</source>
        <translation>梯度会被缩小，使其全局范数不超过此值。</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Bradley-Terry margin: the loss keeps pushing until r(chosen) - r(rejected) exceeds it. 0 is the plain Bradley-Terry loss.</source>
        <translation>Bradley-Terry 间隔：损失会持续推动，直到 r(chosen) - r(rejected) 超过该值。0 即为普通的 Bradley-Terry 损失。</translation>
    </message>
    <message>
        <source>Trained layers</source>
        <translation>训练层数</translation>
    </message>
    <message>
        <source>How many of the top decoder layers are trained with the head (the final norm too when &gt; 0); -1 trains the whole model. Fewer layers make a step cheaper: nothing below them runs backward.</source>
        <translation>与输出头一起训练的顶层解码器层数（大于 0 时也训练最终归一化层）；-1 训练整个模型。层数越少，每步开销越低：其下方的层不参与反向传播。</translation>
    </message>
    <message>
        <source>Held-out share</source>
        <translation>留出比例</translation>
    </message>
    <message>
        <source>Share of the incidents whose pairs are kept out of training to measure eval/accuracy (split by incident, never by pair).</source>
        <translation>其样本对不参与训练、用于衡量 eval/accuracy 的事件所占比例（按事件划分，绝不按样本对划分）。</translation>
    </message>
    <message>
        <source>Held-out pairs evaluated</source>
        <translation>评估的留出样本对数</translation>
    </message>
    <message>
        <source>At most this many held-out pairs are scored at each evaluation (the same ones each time); 0: all of them.</source>
        <translation>每次评估最多对这么多留出样本对打分（每次都是相同的样本对）；0：全部。</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations besides each epoch end and the end of the run; 0: only then.</source>
        <translation>除每个 epoch 结束和运行结束外，两次留出评估之间的步数；0：仅在上述时机评估。</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>记录间隔</translation>
    </message>
    <message>
        <source>Steps between metric points (means over those steps).</source>
        <translation>两个指标点之间的步数（取这些步的平均值）。</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>Steps between checkpoints (also written when the run stops); 0: only at the end.</source>
        <translation>两个检查点之间的步数（运行停止时也会写入）；0：仅在结束时写入。</translation>
    </message>
    <message>
        <source>Prompt budget</source>
        <translation>提示词预算</translation>
    </message>
    <message>
        <source>Tokens of BOS + log digest + cue; 0: what the base model was trained with (its lab_prompt_tokens, else 352).</source>
        <translation>BOS + 日志摘要 + 提示语的 token 数；0：使用基础模型训练时的值（其 lab_prompt_tokens，否则为 352）。</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Prompt + explanation + EOS are cut to this many tokens.</source>
        <translation>提示词 + 解释 + EOS 会被截断到此 token 数。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Head initialisation, train/held-out split and the order of the pairs.</source>
        <translation>输出头初始化、训练/留出划分以及样本对的顺序。</translation>
    </message>
    <message>
        <source>Rank unvoted pairs</source>
        <translation>为未投票的样本对排序</translation>
    </message>
    <message>
        <source>After a finished run, score the pairs nobody has voted on so the labeling queue shows the ones the model is least sure about first.</source>
        <translation>运行完成后，为尚无人投票的样本对打分，使标注队列优先显示模型最不确定的样本对。</translation>
    </message>
    <message>
        <source>Ranking time limit</source>
        <translation>排序时间上限</translation>
    </message>
    <message>
        <source>Pair ranking is skipped when it would take longer than this many seconds.</source>
        <translation>若样本对排序耗时将超过此秒数，则跳过排序。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>sigmoid: the DPO paper&apos;s loss. ipo: squared loss on length-averaged log-probabilities, less prone to over-fitting a few pairs. robust: sigmoid corrected for a known rate of flipped votes (label_smoothing).</source>
        <translation>sigmoid：DPO 论文中的损失。ipo：基于长度平均对数概率的平方损失，不易对少数样本对过拟合。robust：针对已知的投票翻转率（label_smoothing）修正的 sigmoid。</translation>
    </message>
    <message>
        <source>Optimizer steps. Each step reads batch_size pairs.</source>
        <translation>优化器步数。每步读取 batch_size 个样本对。</translation>
    </message>
    <message>
        <source>Preference pairs per step (2 sequences each). Larger is steadier but slower.</source>
        <translation>每步的偏好样本对数（每对 2 个序列）。越大越稳定，但越慢。</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate of the adapter. Lower it if rewards/accuracies stall or the explanations degrade.</source>
        <translation>适配器的 AdamW 峰值学习率。如果 rewards/accuracies 停滞或解释质量下降，请降低它。</translation>
    </message>
    <message>
        <source>Steps of linear warm-up before the cosine decay.</source>
        <translation>余弦衰减前的线性预热步数。</translation>
    </message>
    <message>
        <source>Final LR ratio</source>
        <translation>最终 LR 比例</translation>
    </message>
    <message>
        <source>The cosine decays to this fraction of the peak rate.</source>
        <translation>余弦衰减至峰值学习率的此比例。</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on the adapter (TRL&apos;s default is 0).</source>
        <translation>对适配器施加 AdamW 解耦权重衰减（TRL 的默认值为 0）。</translation>
    </message>
    <message>
        <source>The adapter&apos;s gradients are clipped to this global norm.</source>
        <translation>适配器的梯度将按此全局范数进行裁剪。</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Strength of the pull towards the reference model: lower lets the policy move further from the base model (0.1 is the DPO paper&apos;s default).</source>
        <translation>向参考模型回拉的强度：值越低，策略可以偏离基础模型越远（0.1 是 DPO 论文的默认值）。</translation>
    </message>
    <message>
        <source>Label noise</source>
        <translation>标签噪声</translation>
    </message>
    <message>
        <source>robust: the assumed share of flipped votes (the simulated engineer&apos;s noise); sigmoid: conservative-DPO smoothing. Must stay below 0.5. Ignored by ipo.</source>
        <translation>robust：假定被翻转的投票所占比例（模拟工程师的噪声）；sigmoid：保守 DPO 平滑。必须小于 0.5。ipo 会忽略此项。</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <source>Rank of the adapter matrices.</source>
        <translation>适配器矩阵的秩。</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA alpha</translation>
    </message>
    <message>
        <source>Adapter scale is alpha / rank.</source>
        <translation>适配器缩放系数为 alpha / rank。</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA dropout</translation>
    </message>
    <message>
        <source>Dropout on the adapter&apos;s input while training.</source>
        <translation>训练时对适配器输入应用的 dropout。</translation>
    </message>
    <message>
        <source>Adapted projections</source>
        <translation>适配的投影层</translation>
    </message>
    <message>
        <source>Comma-separated projection names to adapt: q_proj, k_proj, v_proj, o_proj and, for the MLP, gate_proj, up_proj, down_proj.</source>
        <translation>要适配的投影层名称，以逗号分隔：q_proj、k_proj、v_proj、o_proj，以及 MLP 的 gate_proj、up_proj、down_proj。</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initialisation, the split and the batch order.</source>
        <translation>用于适配器初始化、数据划分和批次顺序的随机种子。</translation>
    </message>
    <message>
        <source>Share of incidents whose pairs are kept out of training and used to measure held-out rewards/accuracies.</source>
        <translation>留出事件的比例：这些事件的样本对不参与训练，用于衡量留出集上的奖励/准确率。</translation>
    </message>
    <message>
        <source>Held-out pairs scored at each evaluation (0: none). More is steadier but slower.</source>
        <translation>每次评估时打分的留出样本对数量（0：不评估）。越多越稳定，但越慢。</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations (and one at the end).</source>
        <translation>两次留出评估之间的步数（结束时还会评估一次）。</translation>
    </message>
    <message>
        <source>Steps between logged metric points (averaged over those steps).</source>
        <translation>两次记录指标点之间的步数（取这些步的平均值）。</translation>
    </message>
    <message>
        <source>Steps between checkpoints (and one at the end).</source>
        <translation>两个检查点之间的步数（结束时还会保存一次）。</translation>
    </message>
    <message>
        <source>Reference batch</source>
        <translation>参考批大小</translation>
    </message>
    <message>
        <source>Pairs per no-grad forward when the reference log-probabilities are computed.</source>
        <translation>计算参考对数概率时，每次无梯度前向传播处理的样本对数。</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>PPO iterations: each samples one batch of explanations, scores them and updates the policy on them.</source>
        <translation>PPO 迭代：每次迭代采样一批解释，为其打分，并据此更新策略。</translation>
    </message>
    <message>
        <source>Rollouts per iteration</source>
        <translation>每次迭代的采样数</translation>
    </message>
    <message>
        <source>Explanations sampled (one per incident) and scored in each iteration. More gives steadier updates but slower iterations.</source>
        <translation>每次迭代中采样（每个事件一条）并打分的解释数量。越多更新越稳定，但每次迭代越慢。</translation>
    </message>
    <message>
        <source>Mini-batches</source>
        <translation>小批次数</translation>
    </message>
    <message>
        <source>Each iteration&apos;s rollouts are split into this many gradient steps per PPO epoch.</source>
        <translation>每次迭代的采样结果在每个 PPO 轮次中被拆分为这么多个梯度步。</translation>
    </message>
    <message>
        <source>PPO epochs</source>
        <translation>PPO 轮次</translation>
    </message>
    <message>
        <source>Passes over each iteration&apos;s rollouts. More squeezes more out of each batch but drifts further from the sampling policy (watch policy/clipfrac).</source>
        <translation>对每次迭代采样结果的遍历次数。越多越能充分利用每个批次，但会更偏离采样策略（请关注 policy/clipfrac）。</translation>
    </message>
    <message>
        <source>AdamW step size for the LoRA adapter and the value head (constant). On lab-tiny 3e-4 hardly moves the policy in 30 iterations; 1.5e-3 raises the reward within 20 with the KL still far below the guard.</source>
        <translation>LoRA 适配器和价值头的 AdamW 步长（恒定）。在 lab-tiny 上，3e-4 在 30 次迭代内几乎不会改变策略；1.5e-3 在 20 次迭代内即可提高奖励，且 KL 仍远低于保护阈值。</translation>
    </message>
    <message>
        <source>The global gradient norm is clipped to this value before each update.</source>
        <translation>每次更新前，全局梯度范数会被裁剪到此值。</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on the adapter matrices.</source>
        <translation>对适配器矩阵施加 AdamW 解耦权重衰减。</translation>
    </message>
    <message>
        <source>Rank of the adapter matrices: more capacity and more memory.</source>
        <translation>适配器矩阵的秩：越大容量越高，占用内存也越多。</translation>
    </message>
    <message>
        <source>The adapter&apos;s output is scaled by alpha / rank.</source>
        <translation>适配器的输出按 alpha / rank 缩放。</translation>
    </message>
    <message>
        <source>Adapt the MLP too</source>
        <translation>同时适配 MLP</translation>
    </message>
    <message>
        <source>Also put adapters on the MLP projections (gate, up, down), not only on attention.</source>
        <translation>除注意力层外，也在 MLP 投影层（gate、up、down）上添加适配器。</translation>
    </message>
    <message>
        <source>Sampling temperature</source>
        <translation>采样温度</translation>
    </message>
    <message>
        <source>Temperature of the rollouts; the policy&apos;s log-probs are taken at the same temperature. Lower explores less.</source>
        <translation>采样时使用的温度；策略的对数概率也在相同温度下计算。越低探索越少。</translation>
    </message>
    <message>
        <source>Response length limit</source>
        <translation>回复长度上限</translation>
    </message>
    <message>
        <source>Tokens a rollout may generate; a response cut here without end-of-sequence gets the missing-EOS penalty.</source>
        <translation>一次采样最多可生成的 token 数；在此被截断且没有序列结束符的回复会受到缺失 EOS 惩罚。</translation>
    </message>
    <message>
        <source>Missing-EOS penalty</source>
        <translation>缺失 EOS 惩罚</translation>
    </message>
    <message>
        <source>Subtracted from the reward model&apos;s score of a response that hit the length limit without ending itself (TRL&apos;s missing_eos_penalty).</source>
        <translation>对于达到长度上限仍未自行结束的回复，从奖励模型给出的评分中减去此值（即 TRL 的 missing_eos_penalty）。</translation>
    </message>
    <message>
        <source>Initial KL coefficient</source>
        <translation>初始 KL 系数</translation>
    </message>
    <message>
        <source>Weight of the per-token KL penalty against the reference (the base model). Higher keeps the policy closer to it.</source>
        <translation>相对于参考模型（基础模型）的逐 token KL 惩罚的权重。越高，策略越接近参考模型。</translation>
    </message>
    <message>
        <source>Adaptive KL</source>
        <translation>自适应 KL</translation>
    </message>
    <message>
        <source>Adjust the KL coefficient after each iteration towards the KL target (Ziegler et al.); off: it stays fixed.</source>
        <translation>每次迭代后朝 KL 目标调整 KL 系数（Ziegler 等人）；关闭时系数保持不变。</translation>
    </message>
    <message>
        <source>KL target</source>
        <translation>KL 目标</translation>
    </message>
    <message>
        <source>Per-response KL (nats) the adaptive controller steers towards.</source>
        <translation>自适应控制器所趋向的每条回复 KL 值（单位：nats）。</translation>
    </message>
    <message>
        <source>KL horizon</source>
        <translation>KL 时间范围</translation>
    </message>
    <message>
        <source>Responses over which the adaptive controller corrects the coefficient; smaller reacts faster.</source>
        <translation>自适应控制器校正系数所跨越的回复数量；越小反应越快。</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣因子</translation>
    </message>
    <message>
        <source>Discount of future rewards within a response (GAE gamma).</source>
        <translation>回复内未来奖励的折扣（GAE gamma）。</translation>
    </message>
    <message>
        <source>GAE lambda</source>
        <translation>GAE lambda</translation>
    </message>
    <message>
        <source>Bias/variance trade-off of the advantage estimate.</source>
        <translation>优势估计中偏差与方差的权衡。</translation>
    </message>
    <message>
        <source>Policy clip range</source>
        <translation>策略裁剪范围</translation>
    </message>
    <message>
        <source>PPO clips the probability ratio to 1 +/- this.</source>
        <translation>PPO 将概率比裁剪到 1 +/- 此值。</translation>
    </message>
    <message>
        <source>Value clip range</source>
        <translation>价值裁剪范围</translation>
    </message>
    <message>
        <source>The value head&apos;s new estimate may move at most this far from the old one in the clipped loss.</source>
        <translation>在裁剪损失中，价值头的新估计与旧估计之间的最大偏移量。</translation>
    </message>
    <message>
        <source>Value loss weight</source>
        <translation>价值损失权重</translation>
    </message>
    <message>
        <source>Weight of the value head&apos;s loss in the total loss.</source>
        <translation>价值头损失在总损失中的权重。</translation>
    </message>
    <message>
        <source>Value head start</source>
        <translation>价值头初始化</translation>
    </message>
    <message>
        <source>zeros: the value head starts at 0; reward_model: it starts from the reward model&apos;s score head (same hidden size needed).</source>
        <translation>zeros：价值头从 0 开始；reward_model：从奖励模型的评分头开始（需要相同的隐藏层大小）。</translation>
    </message>
    <message>
        <source>Value loss trains the adapter</source>
        <translation>价值损失训练适配器</translation>
    </message>
    <message>
        <source>Let the value loss&apos;s gradient flow into the shared LoRA adapter (TRL&apos;s shared-backbone value head); off: it trains the value head only.</source>
        <translation>让价值损失的梯度流入共享的 LoRA 适配器（即 TRL 的共享主干价值头）；关闭时只训练价值头。</translation>
    </message>
    <message>
        <source>Reward model folder</source>
        <translation>奖励模型文件夹</translation>
    </message>
    <message>
        <source>Score with this reward model folder instead of the project&apos;s current one (the output of its newest finished reward run).</source>
        <translation>使用此奖励模型文件夹打分，而不是项目当前的奖励模型（即其最新完成的奖励模型训练运行的输出）。</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initial weights, the prompt order, the sampling and the mini-batch order.</source>
        <translation>用于适配器初始权重、提示顺序、采样和小批次顺序的随机种子。</translation>
    </message>
    <message>
        <source>Iterations between checkpoints (one is always written at the end and when stopped).</source>
        <translation>两个检查点之间的迭代次数（结束时和停止时总会保存一次）。</translation>
    </message>
    <message>
        <source>KL guard</source>
        <translation>KL 保护</translation>
    </message>
    <message>
        <source>Pause the run when the mean per-response KL to the base model exceeds this (nats); 0 turns the guard off.</source>
        <translation>当相对于基础模型的每条回复平均 KL 超过此值（单位：nats）时暂停运行；0 表示关闭此保护。</translation>
    </message>
    <message>
        <source>Entropy guard</source>
        <translation>熵保护</translation>
    </message>
    <message>
        <source>Pause the run when the policy&apos;s mean token entropy falls below this (nats): it has collapsed onto a few tokens. 0 turns the guard off.</source>
        <translation>当策略的平均 token 熵低于此值（单位：nats）时暂停运行：说明策略已坍缩到少数几个 token 上。0 表示关闭此保护。</translation>
    </message>
</context>
<context>
    <name>lab::TrainingChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Hover a line for its values; right-click to save this chart as PNG</source>
        <translation>将鼠标悬停在曲线上可查看其数值；右键单击可将此图表另存为 PNG</translation>
    </message>
    <message>
        <source>%1
step %2: %3</source>
        <translation>%1
第 %2 步：%3</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
</context>
<context>
    <name>lab::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Log-probabilities</source>
        <translation>对数概率</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <source>KL coefficient</source>
        <translation>KL 系数</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>Response length</source>
        <translation>回复长度</translation>
    </message>
    <message>
        <source>Policy loss</source>
        <translation>策略损失</translation>
    </message>
    <message>
        <source>Value loss</source>
        <translation>价值损失</translation>
    </message>
    <message>
        <source>Clip fraction</source>
        <translation>裁剪比例</translation>
    </message>
    <message>
        <source>Explained variance</source>
        <translation>解释方差</translation>
    </message>
    <message>
        <source>The charts appear here with the first logged step of a run.
Select a run in the list to see its charts.</source>
        <translation>训练运行记录第一步后，图表将显示在此处。
在列表中选择一个运行以查看其图表。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>There is no chart to save yet.</source>
        <translation>暂无可保存的图表。</translation>
    </message>
    <message>
        <source>Cannot write the picture %1.</source>
        <translation>无法写入图片 %1。</translation>
    </message>
    <message>
        <source>There is no chart to save.</source>
        <translation>没有可保存的图表。</translation>
    </message>
</context>
<context>
    <name>lab::TrainingForm</name>
    <message>
        <source>This trainer has no settings to show.</source>
        <translation>此训练器没有可显示的设置。</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <source>Show the settings one rarely changes</source>
        <translation>显示不常更改的设置</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Put every setting back to the trainer&apos;s default</source>
        <translation>将所有设置恢复为训练器的默认值</translation>
    </message>
    <message>
        <source>&lt;p&gt;Default: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;默认值：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>&lt;p&gt;Default: %1 (from %2 to %3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;默认值：%1（范围 %2 至 %3）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Fewer settings</source>
        <translation>更少设置</translation>
    </message>
</context>
<context>
    <name>lab::TrainingView</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Metrics&lt;/b&gt;</source>
        <translation>&lt;b&gt;指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation>将在此步骤后暂停…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paused: the run waits between two steps. Resume continues it.</source>
        <translation>已暂停：运行在两个步骤之间等待。点击“继续”即可恢复。</translation>
    </message>
    <message>
        <source>Stopping: writing a checkpoint…</source>
        <translation>正在停止：写入检查点…</translation>
    </message>
    <message>
        <source>Run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start a new run with these settings</source>
        <translation>使用这些设置开始新的运行</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Hold the run between two steps (nothing is lost)</source>
        <translation>在两个步骤之间暂停运行（不会丢失任何内容）</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Continue the paused run, or the selected stopped run from its last checkpoint</source>
        <translation>继续已暂停的运行，或从最后一个检查点继续所选的已停止运行</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>End the run after this step; a checkpoint is written and it can be resumed</source>
        <translation>在此步骤后结束运行；会写入检查点，之后可以继续</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save every point of every metric of this run as step,name,value</source>
        <translation>将此运行所有指标的每个数据点按 step,name,value 格式保存</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save all charts as one picture (right-click a chart to save only that one)</source>
        <translation>将所有图表保存为一张图片（右键单击某个图表可仅保存该图表）</translation>
    </message>
    <message>
        <source>&amp;Trainer:</source>
        <translation>训练器(&amp;T)：</translation>
    </message>
    <message>
        <source>Learns to score explanations the way the votes do (needed by PPO)</source>
        <translation>学习按投票的方式为解释打分（PPO 需要）</translation>
    </message>
    <message>
        <source>Direct preference optimisation: trains a LoRA adapter on the voted pairs</source>
        <translation>直接偏好优化：在已投票的样本对上训练 LoRA 适配器</translation>
    </message>
    <message>
        <source>Reinforcement learning against the reward model, with a KL leash to the base model</source>
        <translation>以奖励模型为目标的强化学习，并用 KL 约束使其不偏离基础模型</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v/%m 步</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>使用这些设置</translation>
    </message>
    <message>
        <source>Start from this run&apos;s settings for a new run</source>
        <translation>以此运行的设置为起点创建新的运行</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <source>Back to a new run with the trainer&apos;s defaults</source>
        <translation>返回使用训练器默认设置的新运行</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Votes to train on</source>
        <translation>用于训练的投票</translation>
    </message>
    <message>
        <source>Only votes by</source>
        <translation>仅采用以下标注者的投票</translation>
    </message>
    <message>
        <source>Only votes since</source>
        <translation>仅采用此时间之后的投票</translation>
    </message>
    <message>
        <source>Neither: every A/B vote. Ties, both-bad and skips never make a pair.</source>
        <translation>均不勾选：使用所有 A/B 投票。平局、都不好和跳过的投票不会构成样本对。</translation>
    </message>
    <message>
        <source>Which votes make the training pairs: everyone&apos;s, one annotator&apos;s, or only recent ones</source>
        <translation>哪些投票构成训练样本对：所有人的、某一标注者的，或仅近期的</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Select a run to see its charts and settings</source>
        <translation>选择一个运行以查看其图表和设置</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Stages, checkpoints, evaluations and guard trips of the run appear here.</source>
        <translation>运行的阶段、检查点、评估和保护机制触发将显示在此处。</translation>
    </message>
    <message>
        <source>Open a project with votes to train on</source>
        <translation>请打开一个含有投票的项目以进行训练</translation>
    </message>
    <message>
        <source>Press &quot;Use these settings&quot; or &quot;New run&quot; first: the settings shown are run %1&apos;s</source>
        <translation>请先点击“使用这些设置”或“新建运行”：当前显示的是运行 %1 的设置</translation>
    </message>
    <message>
        <source>Start (%1)</source>
        <translation>开始（%1）</translation>
    </message>
    <message>
        <source>Starting %1 training on %2</source>
        <translation>正在基于 %2 开始 %1 训练</translation>
    </message>
    <message>
        <source>loading the model and the votes…</source>
        <translation>正在加载模型和投票…</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>Resuming run %1 from its last checkpoint</source>
        <translation>正在从最后一个检查点继续运行 %1</translation>
    </message>
    <message>
        <source>Stop asked: the run ends after this step and writes a checkpoint</source>
        <translation>已请求停止：运行将在此步骤后结束并写入检查点</translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation>已用时 %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 预计剩余 %1</translation>
    </message>
    <message>
        <source>Run %1 finished after %2 steps in %3</source>
        <translation>运行 %1 已完成，共 %2 步，用时 %3</translation>
    </message>
    <message>
        <source>; adapter %1 is now active</source>
        <translation>；适配器 %1 现已成为当前适配器</translation>
    </message>
    <message>
        <source>; adapter %1 was saved</source>
        <translation>；适配器 %1 已保存</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Run %1 stopped at step %2; a checkpoint was written, Resume continues it</source>
        <translation>运行 %1 已在第 %2 步停止；已写入检查点，点击“继续”即可恢复</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Run %1 paused by a guard at step %2: %3. Resume continues from the last checkpoint.</source>
        <translation>运行 %1 在第 %2 步被保护机制暂停：%3。点击“继续”将从最后一个检查点恢复。</translation>
    </message>
    <message>
        <source>Paused by a guard</source>
        <translation>已被保护机制暂停</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>运行 %1 失败：%2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>Training could not run: %1</source>
        <translation>无法进行训练：%1</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source> step %1</source>
        <translation> 第 %1 步</translation>
    </message>
    <message>
        <source>Run %1 is training; its charts stay shown until it ends</source>
        <translation>运行 %1 正在训练；在其结束前将一直显示它的图表</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · %4 · %5 points</source>
        <translation>运行 %1 · %2 · %3 · %4 · %5 个数据点</translation>
    </message>
    <message>
        <source>run-%1-metrics.csv</source>
        <translation>run-%1-metrics.csv</translation>
    </message>
    <message>
        <source>metrics.csv</source>
        <translation>metrics.csv</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 points to %2</source>
        <translation>已将 %1 个数据点保存到 %2</translation>
    </message>
    <message>
        <source>run-%1-charts.png</source>
        <translation>run-%1-charts.png</translation>
    </message>
    <message>
        <source>charts.png</source>
        <translation>charts.png</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>lab::VoteHistoryModel</name>
    <message>
        <source>👍 A better</source>
        <translation>👍 A 更好</translation>
    </message>
    <message>
        <source>👍 B better</source>
        <translation>👍 B 更好</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>👎 Both bad</source>
        <translation>👎 都不好</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Root cause right</source>
        <translation>根本原因正确</translation>
    </message>
    <message>
        <source>Blames a symptom</source>
        <translation>归咎于症状</translation>
    </message>
    <message>
        <source>Blames noise</source>
        <translation>归咎于噪声</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>幻觉</translation>
    </message>
    <message>
        <source>Unsafe action</source>
        <translation>不安全操作</translation>
    </message>
    <message>
        <source>Too verbose</source>
        <translation>过于冗长</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>过于笼统</translation>
    </message>
    <message>
        <source>Pair %1 — activate to see it again and change the vote</source>
        <translation>样本对 %1 — 激活可再次查看并修改投票</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>样本对</translation>
    </message>
</context>
<context>
    <name>lab::VoteHistoryWorker</name>
    <message>
        <source>database %1: cannot read the vote history: %2</source>
        <translation>数据库 %1：无法读取投票历史：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read logs, vote on explanations, align a model.</source>
        <translation>阅读日志、为解释投票、对齐模型。</translation>
    </message>
    <message>
        <source>Logs or project files (.lab) to open.</source>
        <translation>要打开的日志或项目文件（.lab）。</translation>
    </message>
    <message>
        <source>Save a picture of the window once loaded, then quit.</source>
        <translation>加载完成后保存窗口截图，然后退出。</translation>
    </message>
    <message>
        <source>Search the opened log for this regular expression.</source>
        <translation>在打开的日志中搜索此正则表达式。</translation>
    </message>
    <message>
        <source>Slow matrix products</source>
        <translation>矩阵乘法运算缓慢</translation>
    </message>
    <message>
        <source>Open the demo project, building it from the bundled synthetic incidents first if needed.</source>
        <translation>打开演示项目；如有需要，先用内置的合成事件构建该项目。</translation>
    </message>
</context>
</TS>
