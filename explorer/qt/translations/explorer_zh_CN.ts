<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Look inside neural-network architectures before training them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在训练之前，先看清神经网络架构的内部。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;TensorFlow {tf} · Keras {keras}&lt;br&gt;Qt {qt} · PySide6 {pyside} · Python {python}&lt;br&gt;Device: {device}&lt;/p&gt;</source>
        <translation>&lt;p&gt;TensorFlow {tf} · Keras {keras}&lt;br&gt;Qt {qt} · PySide6 {pyside} · Python {python}&lt;br&gt;设备：{device}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {title}</source>
        <translation>关于 {title}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Parameters per layer</source>
        <translation>每层参数量</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Parameters up to each layer</source>
        <translation>累计到各层的参数量</translation>
    </message>
    <message>
        <source>cumulative parameters</source>
        <translation>累计参数量</translation>
    </message>
    <message>
        <source>MACs per layer</source>
        <translation>每层乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>H×W positions</source>
        <translation>H×W 位置数</translation>
    </message>
    <message>
        <source>layer (model order)</source>
        <translation>层（按模型顺序）</translation>
    </message>
    <message>
        <source>Log scale for parameters</source>
        <translation>参数量使用对数刻度</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>{title} (× {count} not counted)</source>
        <translation>{title}（× {count} 层未计入）</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Sequential</source>
        <translation>顺序式</translation>
    </message>
    <message>
        <source>Functional</source>
        <translation>函数式</translation>
    </message>
    <message>
        <source>Subclassing</source>
        <translation>子类化</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the whole code to the clipboard</source>
        <translation>把全部代码复制到剪贴板</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the code as a Python file</source>
        <translation>把代码保存为 Python 文件</translation>
    </message>
    <message>
        <source>Save Code</source>
        <translation>保存代码</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Pinned models</source>
        <translation>已固定的模型</translation>
    </message>
    <message>
        <source>Pinned models; the first is the baseline of the differences</source>
        <translation>已固定的模型；第一个是计算差异的基准</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Unpin All</source>
        <translation>全部取消固定</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Both tables as Markdown, for notes and reports</source>
        <translation>把两个表格复制为 Markdown，用于笔记和报告</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the comparison as Markdown, CSV or JSON</source>
        <translation>将比较结果保存为 Markdown、CSV 或 JSON</translation>
    </message>
    <message>
        <source>Pin models (Ctrl+D) to compare them: ResNet34 against ResNet50, or one architecture at two input sizes.</source>
        <translation>固定几个模型（Ctrl+D）来比较它们：例如 ResNet34 对比 ResNet50，或同一架构在两种输入大小下的情况。</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <source>{name}: choose a .md, .csv or .json file name</source>
        <translation>{name}：请选择 .md、.csv 或 .json 文件名</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>比较结果</translation>
    </message>
    <message>
        <source>By stage: only when every pinned model has named stages (the ResNets).</source>
        <translation>按阶段：仅当每个已固定的模型都有命名的阶段时显示（如 ResNet 系列）。</translation>
    </message>
    <message>
        <source>By stage:</source>
        <translation>按阶段：</translation>
    </message>
</context>
<context>
    <name>CompareCharts</name>
    <message>
        <source>Parameters up to each layer</source>
        <translation>累计到各层的参数量</translation>
    </message>
    <message>
        <source>By stage</source>
        <translation>按阶段</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>macs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>activations per sample</source>
        <translation>每个样本的激活值</translation>
    </message>
    <message>
        <source>Stage chart:</source>
        <translation>阶段图表：</translation>
    </message>
    <message>
        <source>What the stage chart shows</source>
        <translation>阶段图表显示的内容</translation>
    </message>
    <message>
        <source>layer (model order)</source>
        <translation>层（按模型顺序）</translation>
    </message>
    <message>
        <source>cumulative parameters</source>
        <translation>累计参数量</translation>
    </message>
    <message>
        <source>{metric} per stage</source>
        <translation>每个阶段的{metric}</translation>
    </message>
    <message>
        <source>{metric} in total</source>
        <translation>{metric}合计</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>No parameters: adds its {count} inputs, value by value.</source>
        <translation>没有参数：把它的 {count} 个输入逐值相加。</translation>
    </message>
    <message>
        <source>No parameters: subtracts its {count} inputs, value by value.</source>
        <translation>没有参数：把它的 {count} 个输入逐值相减。</translation>
    </message>
    <message>
        <source>No parameters: multiplies its {count} inputs, value by value.</source>
        <translation>没有参数：把它的 {count} 个输入逐值相乘。</translation>
    </message>
    <message>
        <source>No parameters: averages its {count} inputs, value by value.</source>
        <translation>没有参数：对它的 {count} 个输入逐值取平均。</translation>
    </message>
    <message>
        <source>No parameters: takes the largest of its {count} inputs, value by value.</source>
        <translation>没有参数：逐值取它的 {count} 个输入中的最大值。</translation>
    </message>
    <message>
        <source>No parameters: takes the smallest of its {count} inputs, value by value.</source>
        <translation>没有参数：逐值取它的 {count} 个输入中的最小值。</translation>
    </message>
    <message>
        <source>A nested model: its numbers are the sums of its {type} layers below.</source>
        <translation>嵌套模型：它的数字是下面各个 {type} 层的总和。</translation>
    </message>
    <message>
        <source>One step of {layer}: this {type} runs at every step, so its shape and MACs are one step&apos;s; the {layer} row counts its parameters and every step&apos;s MACs.</source>
        <translation>{layer} 的一步：这个 {type} 在每一步都运行，所以它的形状和 MACs 是一步的；{layer} 那一行计入它的参数和所有步的 MACs。</translation>
    </message>
    <message>
        <source>No formula for {type} here: its numbers are the ones Keras reports.</source>
        <translation>这里没有 {type} 的公式：它的数字来自 Keras 的报告。</translation>
    </message>
    <message>
        <source>Its MACs are not counted: there is no formula for {type} here, or a size it needs is unknown (None).</source>
        <translation>其 MACs 未计入：这里没有 {type} 的计算公式，或它需要的某个尺寸未知（None）。</translation>
    </message>
    <message>
        <source>{frozen:,} of the {params:,} parameters are not trained.</source>
        <translation>{params:,} 个参数中有 {frozen:,} 个不参与训练。</translation>
    </message>
    <message>
        <source>params = ({kernel}·{cin} + 1)·{cout} = {params:,}</source>
        <translation>参数量 = ({kernel}·{cin} + 1)·{cout} = {params:,}</translation>
    </message>
    <message>
        <source>params = {kernel}·{cin}·{cout} = {params:,} (no bias)</source>
        <translation>参数量 = {kernel}·{cin}·{cout} = {params:,}（无偏置）</translation>
    </message>
    <message>
        <source>MACs = {positions}·{cout} · {kernel}·{cin} = {macs:,}</source>
        <translation>乘加运算 (MACs) = {positions}·{cout} · {kernel}·{cin} = {macs:,}</translation>
    </message>
    <message>
        <source>params = {kernel}·{cin}·{multiplier} + {cout} = {params:,} (one {kernel} filter per input channel)</source>
        <translation>参数量 = {kernel}·{cin}·{multiplier} + {cout} = {params:,}（每个输入通道一个 {kernel} 卷积核）</translation>
    </message>
    <message>
        <source>params = {kernel}·{cin}·{multiplier} = {params:,} (one {kernel} filter per input channel)</source>
        <translation>参数量 = {kernel}·{cin}·{multiplier} = {params:,}（每个输入通道一个 {kernel} 卷积核）</translation>
    </message>
    <message>
        <source>MACs = {positions}·{cout} · {kernel} = {macs:,}</source>
        <translation>乘加运算 (MACs) = {positions}·{cout} · {kernel} = {macs:,}</translation>
    </message>
    <message>
        <source>params = {kernel}·{cin} + {cin}·{cout} + {cout} = {params:,} (depthwise, then a 1×1 mix)</source>
        <translation>参数量 = {kernel}·{cin} + {cin}·{cout} + {cout} = {params:,}（先逐通道卷积，再用 1×1 混合）</translation>
    </message>
    <message>
        <source>params = {kernel}·{cin} + {cin}·{cout} = {params:,} (depthwise, then a 1×1 mix)</source>
        <translation>参数量 = {kernel}·{cin} + {cin}·{cout} = {params:,}（先逐通道卷积，再用 1×1 混合）</translation>
    </message>
    <message>
        <source>params = ({cin} + 1)·{cout} = {params:,}</source>
        <translation>参数量 = ({cin} + 1)·{cout} = {params:,}</translation>
    </message>
    <message>
        <source>params = ({cin})·{cout} = {params:,}</source>
        <translation>参数量 = ({cin})·{cout} = {params:,}</translation>
    </message>
    <message>
        <source>MACs = {cin}·{cout} = {macs:,}</source>
        <translation>乘加运算 (MACs) = {cin}·{cout} = {macs:,}</translation>
    </message>
    <message>
        <source>MACs = {positions} · {cin}·{cout} = {macs:,}: the same weights at every position</source>
        <translation>MACs = {positions} · {cin}·{cout} = {macs:,}：每个位置使用相同的权重</translation>
    </message>
    <message>
        <source>params = 4·{cout} = {params:,}: γ and β are trained ({half:,}); the moving mean and variance are not ({half:,}), they follow the batches&apos; statistics</source>
        <translation>参数量 = 4·{cout} = {params:,}：γ 和 β 参与训练（{half:,}）；滑动均值和方差不参与训练（{half:,}），它们跟随各批数据的统计量</translation>
    </message>
    <message>
        <source>output = {size_in} + {added} = {size_out} (zeros around)</source>
        <translation>输出 = {size_in} + {added} = {size_out}（四周补零）</translation>
    </message>
    <message>
        <source>No parameters: {type} acts on each value alone; the shape stays.</source>
        <translation>没有参数：{type} 单独作用于每个值；形状不变。</translation>
    </message>
    <message>
        <source>output = {sizes} = {count:,} values</source>
        <translation>输出 = {sizes} = {count:,} 个值</translation>
    </message>
    <message>
        <source>No parameters: the average over each channel&apos;s {positions} positions.</source>
        <translation>没有参数：对每个通道的 {positions} 个位置取平均。</translation>
    </message>
    <message>
        <source>No parameters: the maximum over each channel&apos;s {positions} positions.</source>
        <translation>没有参数：取每个通道 {positions} 个位置中的最大值。</translation>
    </message>
    <message>
        <source>No parameters: a pooling window only takes the maximum or the average.</source>
        <translation>没有参数：池化窗口只取最大值或平均值。</translation>
    </message>
    <message>
        <source>output = ⌊({size_in} − {kernel})/{stride}⌋ + 1 = {size_out} (no padding)</source>
        <translation>输出 = ⌊({size_in} − {kernel})/{stride}⌋ + 1 = {size_out}（不填充）</translation>
    </message>
    <message>
        <source>output = {size} (padding &quot;same&quot;, stride 1: the size is kept)</source>
        <translation>输出 = {size}（填充 &quot;same&quot;，步幅 1：大小不变）</translation>
    </message>
    <message>
        <source>output = ⌈{size_in}/{stride}⌉ = {size_out} (padding &quot;same&quot;: zeros around)</source>
        <translation>输出 = ⌈{size_in}/{stride}⌉ = {size_out}（填充 &quot;same&quot;：四周补零）</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <translation>{value} 不是以下之一：{choices}</translation>
    </message>
    <message>
        <source>whole input</source>
        <translation>整个输入</translation>
    </message>
    <message>
        <source>{size}, stride {jump}</source>
        <translation>{size}，步幅 {jump}</translation>
    </message>
    <message>
        <source>{value} ({count:,} characters)</source>
        <translation>{value}（共 {count:,} 个字符）</translation>
    </message>
    <message>
        <source>unexpected {kind}: {error}</source>
        <translation>意外的 {kind}：{error}</translation>
    </message>
    <message>
        <source>{count:,} bytes</source>
        <translation>{count:,} 字节</translation>
    </message>
    <message>
        <source>Total params</source>
        <translation>总参数量</translation>
    </message>
    <message>
        <source>Trainable params</source>
        <translation>可训练参数量</translation>
    </message>
    <message>
        <source>Non-trainable params</source>
        <translation>不可训练参数量</translation>
    </message>
    <message>
        <source>Weights bytes</source>
        <translation>权重字节数</translation>
    </message>
    <message>
        <source>input size (square side)</source>
        <translation>输入尺寸（正方形边长）</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>卷积核数</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏宽度</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中间层宽度</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>max positions</source>
        <translation>最大位置数</translation>
    </message>
    <message>
        <source>MLP dim</source>
        <translation>MLP 宽度</translation>
    </message>
    <message>
        <source>patch size</source>
        <translation>图块大小</translation>
    </message>
    <message>
        <source>sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>strides</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>vocab size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>to</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>batch size (training memory, no build)</source>
        <translation>批大小（训练内存，无需构建）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{architecture} has no numeric parameter {param} to sweep (it has: {names})</source>
        <translation>{architecture} 没有可扫描的数值参数 {param}（它有：{names}）</translation>
    </message>
    <message>
        <source>must be at least 1 (got {step})</source>
        <translation>必须至少为 1（实际为 {step}）</translation>
    </message>
    <message>
        <source>{start} is larger than &apos;to&apos; ({stop})</source>
        <translation>{start} 大于“结束”值（{stop}）</translation>
    </message>
    <message>
        <source>{value} is outside the range of {label}: {minimum} to {maximum}</source>
        <translation>{value} 超出了{label}的范围：{minimum} 到 {maximum}</translation>
    </message>
    <message>
        <source>{count} points are too many (at most {most}); choose a larger step</source>
        <translation>{count} 个点太多（最多 {most} 个）；请选择更大的步长</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs per sample</source>
        <translation>每个样本的乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Activations per sample (MiB)</source>
        <translation>每个样本的激活值 (MiB)</translation>
    </message>
    <message>
        <source>Training memory (MiB)</source>
        <translation>训练内存 (MiB)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>Attention products QKᵀ, AV (MACs)</source>
        <translation>注意力乘积 QKᵀ、AV（MACs）</translation>
    </message>
    <message>
        <source>From {low:,} to {high:,} tokens (x{tokens:.2f}), the attention products QKᵀ and AV grow x{attention:.2f}, with the square of the tokens; the other MACs grow x{rest:.2f}.</source>
        <translation>从 {low:,} 个词元到 {high:,} 个词元（x{tokens:.2f}），注意力乘积 QKᵀ 和 AV 增长 x{attention:.2f}，随词元数的平方增长；其余 MACs 增长 x{rest:.2f}。</translation>
    </message>
    <message>
        <source>{name} — {params:,} params</source>
        <translation>{name} — 参数量 {params:,}</translation>
    </message>
    <message>
        <source>{name} — {params:,} params up to here</source>
        <translation>{name} — 累计到此层的参数量 {params:,}</translation>
    </message>
    <message>
        <source>{name} — MACs not counted</source>
        <translation>{name} — MACs 未计入</translation>
    </message>
    <message>
        <source>{name} — {macs:,} MACs</source>
        <translation>{name} — 乘加运算 (MACs) {macs:,}</translation>
    </message>
    <message>
        <source>{count:,} positions (H×W)</source>
        <translation>{count:,} 个位置（H×W）</translation>
    </message>
    <message>
        <source>no H×W</source>
        <translation>无 H×W</translation>
    </message>
    <message>
        <source>{count:,} channels</source>
        <translation>{count:,} 个通道</translation>
    </message>
    <message>
        <source>unknown channels</source>
        <translation>通道数未知</translation>
    </message>
    <message>
        <source>{name} — {size}, {depth}</source>
        <translation>{name} — {size}，{depth}</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Activations per sample</source>
        <translation>每个样本的激活值</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{model} vs {baseline}: parameters {parameters}, MACs {macs}, activations {activations}</source>
        <translation>{model} 对比 {baseline}：参数量 {parameters}，乘加运算 (MACs) {macs}，激活值 {activations}</translation>
    </message>
    <message>
        <source>Layers not counted in MACs</source>
        <translation>未计入 MACs 的层数</translation>
    </message>
    <message>
        <source>Training memory bytes (batch {batch}, {optimizer}, {precision})</source>
        <translation>训练内存字节数（批大小 {batch}，{optimizer}，{precision}）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>{label} vs 1.</source>
        <translation>{label} 对比 1.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>{i}. output</source>
        <translation>{i}. 输出</translation>
    </message>
    <message>
        <source>{i}. params</source>
        <translation>{i}. 参数量</translation>
    </message>
    <message>
        <source>{i}. MACs</source>
        <translation>{i}. 乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>{value} is not {allowed}</source>
        <translation>{value} 不是{allowed}</translation>
    </message>
    <message>
        <source>{value} is out of range: expected {allowed}</source>
        <translation>{value} 超出范围：应为{allowed}</translation>
    </message>
    <message>
        <source>an integer from {low:,} to {high:,}</source>
        <translation>从 {low:,} 到 {high:,} 的整数</translation>
    </message>
    <message>
        <source>a number from {low:g} to {high:g}</source>
        <translation>从 {low:g} 到 {high:g} 的数</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>以下之一：{choices}</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an image written like {example}, a sequence of steps x features like 100x16, or steps alone like 100 (token ids); sides and steps from {low:,} to {high:,}, channels and features from 1 to {channels:,}</source>
        <translation>图像写法如 {example}，序列为步数 x 特征数，写法如 100x16，或只写步数如 100（词元编号）；边长和步数从 {low:,} 到 {high:,}，通道数和特征数从 1 到 {channels:,}</translation>
    </message>
    <message>
        <source>{rank} positive integers written like {example}, each side from {low:,} ({note}) to {high:,}, channels from 1 to {channels:,}</source>
        <translation>{rank} 个正整数，写法如 {example}，每条边从 {low:,}（{note}）到 {high:,}，通道数从 1 到 {channels:,}</translation>
    </message>
    <message>
        <source>{rank} positive integers written like {example}, each side from {low:,} to {high:,}, channels from 1 to {channels:,}</source>
        <translation>{rank} 个正整数，写法如 {example}，每条边从 {low:,} 到 {high:,}，通道数从 1 到 {channels:,}</translation>
    </message>
    <message>
        <source>{value} is not a valid shape: expected an image like {example}, a sequence like 100x16 or token ids like 100</source>
        <translation>{value} 不是有效的形状：应为图像如 {example}、序列如 100x16，或词元编号如 100</translation>
    </message>
    <message>
        <source>{value} is not a valid shape: expected {rank} integers written like {example}</source>
        <translation>{value} 不是有效的形状：应为 {rank} 个整数，写法如 {example}</translation>
    </message>
    <message>
        <source>{shape} is too small: {reason}, so height and width must be at least {low:,}</source>
        <translation>{shape} 太小：{reason}，所以高和宽至少为 {low:,}</translation>
    </message>
    <message>
        <source>{shape} is too small: {reason}, so each side must be at least {low:,}</source>
        <translation>{shape} 太小：{reason}，所以每条边至少为 {low:,}</translation>
    </message>
    <message>
        <source>unknown parameter for {owner} (known: {known})</source>
        <translation>{owner} 没有这个参数（已有：{known}）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Api</source>
        <translation>API 风格</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块类型</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Depth multiplier</source>
        <translation>深度乘数</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon（ε）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>卷积核数</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏宽度</translation>
    </message>
    <message>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中间层宽度</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Max positions</source>
        <translation>最大位置数</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>图块大小</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Strides</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Use bias</source>
        <translation>使用偏置</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Vocab size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>unknown architecture {name} (known: {known})</source>
        <translation>未知的架构 {name}（已有：{known}）</translation>
    </message>
    <message>
        <source>Thirteen 3x3 convolutions in five blocks, each block ending in max pooling, then three large Dense layers that hold most of its 138 million parameters (Simonyan and Zisserman, 2014).</source>
        <translation>13 个 3x3 卷积分成五个块，每块以最大池化结束；之后是三个很大的 Dense 层，它们占了全部 1.38 亿个参数中的大部分（Simonyan 和 Zisserman，2014）。</translation>
    </message>
    <message>
        <source>VGG16 with three more 3x3 convolutions: deeper, slower, and almost the same size, because the Dense layers dominate.</source>
        <translation>比 VGG16 多三个 3x3 卷积：更深、更慢，但大小几乎相同，因为参数主要在 Dense 层中。</translation>
    </message>
    <message>
        <source>ResNet50 with pre-activation blocks (BN and ReLU before each convolution), which trains deeper networks more easily (He et al. 2016).</source>
        <translation>使用预激活块的 ResNet50（每个卷积之前先做 BN 和 ReLU），更深的网络也更容易训练（He 等，2016）。</translation>
    </message>
    <message>
        <source>Depthwise separable convolutions: a 3x3 filter per channel followed by a 1x1 mix, about nine times cheaper than full 3x3 convolutions (Howard et al. 2017).</source>
        <translation>深度可分离卷积：每个通道一个 3x3 卷积核，再用 1x1 卷积混合通道，计算量约为普通 3x3 卷积的九分之一（Howard 等，2017）。</translation>
    </message>
    <message>
        <source>Inverted residual blocks: expand with 1x1, filter depthwise, project back down to a thin bottleneck that carries the shortcut (Sandler et al. 2018).</source>
        <translation>倒残差块：先用 1x1 扩展，再做逐通道（depthwise）卷积，然后投影回承载捷径连接的窄瓶颈（Sandler 等，2018）。</translation>
    </message>
    <message>
        <source>A MobileNetV2-style network found by architecture search, with squeeze-and-excitation and hard-swish activations, tuned for phones.</source>
        <translation>通过架构搜索得到的 MobileNetV2 式网络，带有 squeeze-and-excitation 模块和 hard-swish 激活函数，专为手机优化。</translation>
    </message>
    <message>
        <source>The larger MobileNetV3: more blocks and channels for higher accuracy at a few hundred million multiply-accumulates.</source>
        <translation>较大的 MobileNetV3：更多的块和通道，以几亿次乘加运算换取更高的准确率。</translation>
    </message>
    <message>
        <source>The base EfficientNet: mobile inverted bottlenecks with squeeze-and-excitation; B1-B7 scale its depth, width and resolution together (Tan and Le 2019).</source>
        <translation>EfficientNet 的基础版：带 squeeze-and-excitation 的移动倒瓶颈块；B1-B7 同时放大它的深度、宽度和分辨率（Tan 和 Le，2019）。</translation>
    </message>
    <message>
        <source>EfficientNetV2 uses fused convolutions in its early stages, which run faster on accelerators than depthwise ones (Tan and Le 2021).</source>
        <translation>EfficientNetV2 在前面的阶段使用融合卷积，在加速器上比逐通道卷积运行得更快（Tan 和 Le，2021）。</translation>
    </message>
    <message>
        <source>Every layer in a dense block receives the feature maps of all earlier layers, concatenated: few parameters, many activations (Huang et al. 2017).</source>
        <translation>稠密块中的每一层都接收之前所有层的特征图（拼接在一起）：参数少，激活值多（Huang 等，2017）。</translation>
    </message>
    <message>
        <source>Inception modules run 1x1, 3x3 and 5x5-like branches side by side and concatenate them; large kernels are factorised into cheaper ones (Szegedy et al. 2015).</source>
        <translation>Inception 模块并排运行 1x1、3x3 和类似 5x5 的分支并将结果拼接；大卷积核被分解成更便宜的小卷积核（Szegedy 等，2015）。</translation>
    </message>
    <message>
        <source>Inception taken to the extreme: every module is a depthwise separable convolution, with residual connections (Chollet 2017).</source>
        <translation>把 Inception 推向极致：每个模块都是深度可分离卷积，并带有残差连接（Chollet，2017）。</translation>
    </message>
    <message>
        <source>A ResNet modernised with ideas from vision transformers: 7x7 depthwise convolutions, LayerNorm, GELU and fewer activations (Liu et al. 2022).</source>
        <translation>借鉴视觉 Transformer 的思路改进的 ResNet：7x7 逐通道卷积、LayerNorm、GELU，以及更少的激活函数（Liu 等，2022）。</translation>
    </message>
    <message>
        <source>Keras applications</source>
        <translation>Keras 应用模型</translation>
    </message>
    <message>
        <source>{text} Built by keras.applications.{constructor}(weights=None).</source>
        <translation>{text}由 keras.applications.{constructor}(weights=None) 构建。</translation>
    </message>
    <message>
        <source>Input image: height x width x channels</source>
        <translation>输入图像：高 x 宽 x 通道数</translation>
    </message>
    <message>
        <source>Units of the final classification layer</source>
        <translation>最后分类层的单元数</translation>
    </message>
    <message>
        <source>the network halves the input five times</source>
        <translation>网络会把输入减半五次</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>论文原版 (paper)</translation>
    </message>
    <message>
        <source>tutorial</source>
        <translation>教程版 (tutorial)</translation>
    </message>
    <message>
        <source>{side} with variant=tutorial</source>
        <translation>variant=tutorial 时为 {side}</translation>
    </message>
    <message>
        <source>Units of the final Dense layer</source>
        <translation>最后 Dense 层的单元数</translation>
    </message>
    <message>
        <source>paper: He et al. 2015 (conv-BN-ReLU, 1x1 projections); tutorial: the seed&apos;s code as written (conv+bias-ReLU-BN, no ReLU after the addition)</source>
        <translation>paper：He 等 2015 年的论文（conv-BN-ReLU，1x1 投影）；tutorial：种子教程中原样的代码（conv+偏置-ReLU-BN，相加之后没有 ReLU）</translation>
    </message>
    <message>
        <source>its final 7x7 average pooling needs a 7x7 feature map after five halvings</source>
        <translation>它最后的 7x7 平均池化需要在五次减半之后仍有 7x7 的特征图</translation>
    </message>
    <message>
        <source>{shape} is too small for resnet{depth} (variant={variant}): {why}, so height and width must be at least {minimum}</source>
        <translation>{shape} 对 resnet{depth}（variant={variant}）来说太小：{why}，所以高和宽至少为 {minimum}</translation>
    </message>
    <message>
        <source>bottleneck (1x1-3x3-1x1)</source>
        <translation>瓶颈（1x1-3x3-1x1）</translation>
    </message>
    <message>
        <source>basic (3x3-3x3)</source>
        <translation>基本（3x3-3x3）</translation>
    </message>
    <message>
        <source>Residual network with {depth} weighted layers: a 7x7 stem, four stages of {blocks} {kind} blocks whose shortcut connections add the block&apos;s input to its output, then average pooling and a Dense classifier. variant=paper follows He et al. 2015; variant=tutorial is the seed&apos;s code.</source>
        <translation>有 {depth} 个带权重层的残差网络：一个 7x7 的主干（stem），四个阶段，分别有 {blocks} 个{kind}块，块的捷径连接把块的输入加到输出上；最后是平均池化和一个 Dense 分类器。variant=paper 按照 He 等 2015 年的论文；variant=tutorial 是种子教程的代码。</translation>
    </message>
    <message>
        <source>Which of the seed&apos;s three Keras styles builds the model</source>
        <translation>用种子教程三种 Keras 写法中的哪一种来构建模型</translation>
    </message>
    <message>
        <source>and at least kernel_size</source>
        <translation>且不小于 kernel_size</translation>
    </message>
    <message>
        <source>Output channels of the convolution</source>
        <translation>卷积的输出通道数</translation>
    </message>
    <message>
        <source>Side of the square convolution kernel</source>
        <translation>正方形卷积核的边长</translation>
    </message>
    <message>
        <source>Step of the convolution in both directions</source>
        <translation>卷积在两个方向上的步幅</translation>
    </message>
    <message>
        <source>a {kernel}x{kernel} kernel is larger than the {height}x{width} input (expected at most {limit})</source>
        <translation>{kernel}x{kernel} 的卷积核比 {height}x{width} 的输入还大（最多应为 {limit}）</translation>
    </message>
    <message>
        <source>Simple CNN (seed tutorial)</source>
        <translation>简单 CNN（种子教程）</translation>
    </message>
    <message>
        <source>Seed tutorial</source>
        <translation>种子教程</translation>
    </message>
    <message>
        <source>The tutorial&apos;s first classifier: one 3x3 convolution with stride 2, a Flatten and a Dense layer. Almost all of its 200 million parameters sit in the Dense layer, because flattening a 112x112x16 feature map gives 200,704 inputs per class. The same model can be written with the Sequential, Functional or Subclassing API.</source>
        <translation>教程中的第一个分类器：一个步幅为 2 的 3x3 卷积、一个 Flatten 层和一个 Dense 层。它的 2 亿个参数几乎都在 Dense 层中，因为把 112x112x16 的特征图展平后，每个类别有 200,704 个输入。同一个模型可以用 Sequential、Functional 或 Subclassing API 来写。</translation>
    </message>
    <message>
        <source>{name}: unknown example (known: {known})</source>
        <translation>{name}：未知的示例（已有：{known}）</translation>
    </message>
    <message>
        <source>Designs</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>a design file</source>
        <translation>设计文件</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>{source}: {key} must be {what}</source>
        <translation>{source}：{key} 必须是{what}</translation>
    </message>
    <message>
        <source>{source}: layer {number}</source>
        <translation>{source}：第 {number} 层</translation>
    </message>
    <message>
        <source>{where} is not an object with type, name and args</source>
        <translation>{where} 不是含有 type、name 和 args 的对象</translation>
    </message>
    <message>
        <source>{where}: unknown key {key} (known: {known})</source>
        <translation>{where}：未知的键 {key}（已有：{known}）</translation>
    </message>
    <message>
        <source>{source} was written by a newer version ({version}); this program reads versions 1 to {supported}</source>
        <translation>{source} 由更新的版本（{version}）写入；本程序可读取版本 1 到 {supported}</translation>
    </message>
    <message>
        <source>{source}: &quot;outputs&quot; must be a list of layer names</source>
        <translation>{source}：&quot;outputs&quot; 必须是层名列表</translation>
    </message>
    <message>
        <source>a layer type</source>
        <translation>层类型</translation>
    </message>
    <message>
        <source>{where} ({layer}): &quot;args&quot; must be an object</source>
        <translation>{where}（{layer}）：&quot;args&quot; 必须是对象</translation>
    </message>
    <message>
        <source>{where} ({layer}): &quot;group&quot; must be a block name</source>
        <translation>{where}（{layer}）：&quot;group&quot; 必须是块名</translation>
    </message>
    <message>
        <source>{source} is not JSON: {error} at line {line} column {column}</source>
        <translation>{source} 不是 JSON：第 {line} 行第 {column} 列：{error}</translation>
    </message>
    <message>
        <source>{source} is not a design file: &quot;format&quot; is not &quot;{format}&quot;</source>
        <translation>{source} 不是设计文件：&quot;format&quot; 不是 &quot;{format}&quot;</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>{source}: &quot;version&quot; must be a whole number from 1</source>
        <translation>{source}：&quot;version&quot; 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>a list of layers</source>
        <translation>层的列表</translation>
    </message>
    <message>
        <source>{source}: a design has at most {limit:,} layers; this one has {count:,}</source>
        <translation>{source}：一个设计最多 {limit:,} 层；这个设计有 {count:,} 层</translation>
    </message>
    <message>
        <source>{source}: layer {number} ({layer}): {error}</source>
        <translation>{source}：第 {number} 层（{layer}）：{error}</translation>
    </message>
    <message>
        <source>A design of {count} layers after its {inputs} inputs.</source>
        <translation>一个在 {inputs} 个输入之后有 {count} 层的设计。</translation>
    </message>
    <message>
        <source>{source}: the first layer must be an Input (found {found})</source>
        <translation>{source}：第一层必须是 Input（实际为 {found}）</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>{path} is {kind}, not {what}</source>
        <translation>{path} 是{kind}，不是{what}</translation>
    </message>
    <message>
        <source>{source} is larger than {limit}, the most {what} may be</source>
        <translation>{source} 大于 {limit}，即{what}的大小上限</translation>
    </message>
    <message>
        <source>{source} is nested more than {limit} levels deep</source>
        <translation>{source} 的嵌套深度超过 {limit} 层</translation>
    </message>
    <message>
        <source>{source} holds a number of {count:,} digits; at most {limit}</source>
        <translation>{source} 中有一个 {count:,} 位的数；最多 {limit} 位</translation>
    </message>
    <message>
        <source>{path} lists more files than {what} can hold (over {limit} of names)</source>
        <translation>{path} 列出的文件多于{what}所能包含的数量（文件名超过 {limit}）</translation>
    </message>
    <message>
        <source>{where} would unpack to more than {limit}, the most {what} may be</source>
        <translation>{where} 解压后将大于 {limit}，即{what}的大小上限</translation>
    </message>
    <message>
        <source>{where} is compressed more than {ratio}:1, as only a zip bomb is; it was not unpacked</source>
        <translation>{where} 的压缩比超过 {ratio}:1，只有压缩炸弹才会这样；未将其解压</translation>
    </message>
    <message>
        <source>A design of {count} layer after its input.</source>
        <translation>一个在输入之后有 {count} 层的设计。</translation>
    </message>
    <message>
        <source>A design of {count} layers after its input.</source>
        <translation>一个在输入之后有 {count} 层的设计。</translation>
    </message>
    <message>
        <source>design {name} cannot be built: its first layer must be an Input</source>
        <translation>无法构建设计 {name}：它的第一层必须是 Input</translation>
    </message>
    <message>
        <source>design {name} cannot be built: none of its outputs works</source>
        <translation>无法构建设计 {name}：它的输出都不可用</translation>
    </message>
    <message>
        <source>Function applied to every output value</source>
        <translation>作用于每个输出值的函数</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>Side of the square kernel</source>
        <translation>正方形卷积核的边长</translation>
    </message>
    <message>
        <source>Step of the window in both directions</source>
        <translation>窗口在两个方向上的步幅</translation>
    </message>
    <message>
        <source>valid: no padding, the output shrinks; same: zeros around, output = ceil(input / strides)</source>
        <translation>valid：不填充，输出变小；same：四周补零，输出 = ceil(输入 / 步幅)</translation>
    </message>
    <message>
        <source>Add a learned offset to every output channel</source>
        <translation>给每个输出通道加上一个可学习的偏移量</translation>
    </message>
    <message>
        <source>Depthwise outputs per input channel</source>
        <translation>每个输入通道的逐通道输出数</translation>
    </message>
    <message>
        <source>Side of the square pooling window</source>
        <translation>正方形池化窗口的边长</translation>
    </message>
    <message>
        <source>Step of the window; 0 means the pool size (Keras&apos;s default)</source>
        <translation>窗口的步幅；0 表示等于池化窗口大小（Keras 的默认值）</translation>
    </message>
    <message>
        <source>same as the pool size</source>
        <translation>等于池化窗口大小</translation>
    </message>
    <message>
        <source>Slides learned kernels over the image; each filter gives one output channel.</source>
        <translation>让学到的卷积核在图像上滑动；每个卷积核产生一个输出通道。</translation>
    </message>
    <message>
        <source>One kernel per input channel: channels are filtered separately, never mixed.</source>
        <translation>每个输入通道一个卷积核：各通道分别滤波，从不混合。</translation>
    </message>
    <message>
        <source>A depthwise convolution followed by a 1x1 convolution that mixes channels.</source>
        <translation>先做逐通道卷积，再用 1x1 卷积混合通道。</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window.</source>
        <translation>保留每个窗口中的最大值。</translation>
    </message>
    <message>
        <source>Averages the values of each window.</source>
        <translation>对每个窗口中的值取平均。</translation>
    </message>
    <message>
        <source>Averages each channel over the whole image: height x width x C becomes C.</source>
        <translation>对每个通道在整幅图像上取平均：高 x 宽 x C 变成 C。</translation>
    </message>
    <message>
        <source>Adds rows and columns of zeros around the image.</source>
        <translation>在图像四周加上若干行和列的零。</translation>
    </message>
    <message>
        <source>Rows and columns of zeros added on each side</source>
        <translation>每一侧添加的零的行数和列数</translation>
    </message>
    <message>
        <source>Normalises each channel with running statistics, then scales and shifts it.</source>
        <translation>用滑动统计量把每个通道归一化，然后缩放和平移。</translation>
    </message>
    <message>
        <source>Added to the variance before dividing</source>
        <translation>除法之前加到方差上的值</translation>
    </message>
    <message>
        <source>What the network takes: an image (height x width x channels), a sequence (steps x features) or token ids (steps, for an Embedding). Always the first layer.</source>
        <translation>网络的输入：图像（高 x 宽 x 通道数）、序列（步数 x 特征数）或词元编号（步数，供 Embedding 使用）。总是第一层。</translation>
    </message>
    <message>
        <source>height x width x channels for an image, steps x features for a sequence, steps alone for token ids (an Embedding next) or a vector</source>
        <translation>图像为 高 x 宽 x 通道数，序列为 步数 x 特征数，词元编号（其后接 Embedding）或向量只写步数</translation>
    </message>
    <message>
        <source>max(x, 0) as a layer of its own.</source>
        <translation>把 max(x, 0) 作为单独的一层。</translation>
    </message>
    <message>
        <source>Applies a function to every value.</source>
        <translation>对每个值应用一个函数。</translation>
    </message>
    <message>
        <source>While training, zeroes a random fraction of the values.</source>
        <translation>训练时把随机的一部分值置为零。</translation>
    </message>
    <message>
        <source>Fraction of the values dropped</source>
        <translation>被丢弃的值所占的比例</translation>
    </message>
    <message>
        <source>Lays every value out in one row.</source>
        <translation>把所有值排成一行。</translation>
    </message>
    <message>
        <source>Fully connected: every output is a weighted sum of all inputs on the last axis.</source>
        <translation>全连接：每个输出都是最后一个轴上所有输入的加权和。</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>A ResNet block: a few convolutions whose output is added to the block&apos;s input (through a projection when the shape changes).</source>
        <translation>ResNet 块：几个卷积，其输出加到块的输入上（形状改变时先经过投影）。</translation>
    </message>
    <message>
        <source>basic: 3x3, 3x3 (ResNet18/34); bottleneck: 1x1, 3x3, 1x1 with 4x the filters out (ResNet50 and deeper)</source>
        <translation>basic：3x3、3x3（ResNet18/34）；bottleneck：1x1、3x3、1x1，输出 4 倍的卷积核数（ResNet50 及更深的网络）</translation>
    </message>
    <message>
        <source>Step of the block&apos;s first convolution</source>
        <translation>块中第一个卷积的步幅</translation>
    </message>
    <message>
        <source>paper: conv-BN-ReLU, 1x1 projection, ReLU after the addition (He et al. 2015); tutorial: the seed&apos;s conv+bias+ReLU then BN, 3x3 projection in basic blocks, no ReLU after the addition</source>
        <translation>paper：conv-BN-ReLU，1x1 投影，相加之后接 ReLU（He 等，2015）；tutorial：种子教程的 conv+偏置+ReLU 再接 BN，basic 块中用 3x3 投影，相加之后没有 ReLU</translation>
    </message>
    <message>
        <source>unknown layer type {name} (known: {known})</source>
        <translation>未知的层类型 {name}（已有：{known}）</translation>
    </message>
    <message>
        <source>an Input takes no input</source>
        <translation>Input 层不接受输入</translation>
    </message>
    <message>
        <source>{name} is not a usable layer name: use letters, digits and _, not starting with a digit</source>
        <translation>{name} 不能用作层名：请使用字母、数字和 _，且不以数字开头</translation>
    </message>
    <message>
        <source>{name} is not a usable layer name: at most {limit} characters</source>
        <translation>{name} 不能用作层名：最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>unknown argument of {layer} (known: {known})</source>
        <translation>{layer} 没有这个参数（已有：{known}）</translation>
    </message>
    <message>
        <source>must be a list of layer names</source>
        <translation>必须是层名列表</translation>
    </message>
    <message>
        <source>must be two finite numbers [x, y]</source>
        <translation>必须是两个有限数 [x, y]</translation>
    </message>
    <message>
        <source>{name} is not a usable design name: one line, no &apos;/&apos;</source>
        <translation>{name} 不能用作设计名：只能一行，不能含 &apos;/&apos;</translation>
    </message>
    <message>
        <source>{name} is not a usable design name: at most {limit} characters</source>
        <translation>{name} 不能用作设计名称：最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>a design has at most {limit:,} layers; this one has {count:,}</source>
        <translation>一个设计最多 {limit:,} 层；这个设计有 {count:,} 层</translation>
    </message>
    <message>
        <source>a design has at most {limit:,} layers, a ResidualBlock counting as the {each} it may become; this one has {count:,}</source>
        <translation>一个设计最多 {limit:,} 层（每个 ResidualBlock 按它最多展开成的 {each} 层计）；这个设计有 {count:,} 层</translation>
    </message>
    <message>
        <source>input {input} is not a layer of this design</source>
        <translation>输入 {input} 不是本设计中的层</translation>
    </message>
    <message>
        <source>its inputs make a cycle: {cycle}</source>
        <translation>它的输入构成环路：{cycle}</translation>
    </message>
    <message>
        <source>the list of outputs is empty: leave it out for the last layer</source>
        <translation>输出列表为空：若以最后一层为输出，请省略该列表</translation>
    </message>
    <message>
        <source>{name} is not a layer of this design</source>
        <translation>{name} 不是本设计中的层</translation>
    </message>
    <message>
        <source>{name} is listed twice</source>
        <translation>{name} 列出了两次</translation>
    </message>
    <message>
        <source>{name} is already used by layer {layer}: layer names must be unique</source>
        <translation>{name} 已被层 {layer} 使用：层名不能重复</translation>
    </message>
    <message>
        <source>{index} is not a layer position from 0 to {last}</source>
        <translation>{index} 不是 0 到 {last} 之间的层位置</translation>
    </message>
    <message>
        <source>kernel {size}×{size} is larger than its {height}×{width} input; use padding same or a smaller size</source>
        <translation>卷积核 {size}×{size} 比它 {height}×{width} 的输入还大；请使用 padding same 或更小的尺寸</translation>
    </message>
    <message>
        <source>pool {size}×{size} is larger than its {height}×{width} input; use padding same or a smaller size</source>
        <translation>池化窗口 {size}×{size} 比它 {height}×{width} 的输入还大；请使用 padding same 或更小的尺寸</translation>
    </message>
    <message>
        <source>needs a 4-D input (batch, height, width, channels), not {shape}</source>
        <translation>需要 4 维输入（批、高、宽、通道），而不是 {shape}</translation>
    </message>
    <message>
        <source>needs a 3-D input (batch, steps, features), not {shape}</source>
        <translation>需要 3 维输入（批、步、特征），而不是 {shape}</translation>
    </message>
    <message>
        <source>needs token ids (batch, steps), not {shape}: give the Input one size, the number of steps</source>
        <translation>需要词元编号（批、步），而不是 {shape}：请只给 Input 一个尺寸，即步数</translation>
    </message>
    <message>
        <source>kernel {size} is longer than its {steps} steps; use padding same or causal, or a smaller size</source>
        <translation>卷积核 {size} 比它的 {steps} 步还长；请使用 padding same 或 causal，或更小的尺寸</translation>
    </message>
    <message>
        <source>no layers</source>
        <translation>没有层</translation>
    </message>
    <message>
        <source>{layer}: Input must be the first layer</source>
        <translation>{layer}：Input 必须是第一层</translation>
    </message>
    <message>
        <source>{layer}: no input: the first layer of a design must be an Input</source>
        <translation>{layer}：没有输入：设计的第一层必须是 Input</translation>
    </message>
    <message>
        <source>{layer}: has no input: connect one</source>
        <translation>{layer}：没有输入：请连接一个</translation>
    </message>
    <message>
        <source>{layer}: its input {source} does not work</source>
        <translation>{layer}：它的输入 {source} 不可用</translation>
    </message>
    <message>
        <source>{layer}: not part of the model: it leads to no output</source>
        <translation>{layer}：不属于模型：它不通向任何输出</translation>
    </message>
    <message>
        <source>{layer}: not part of the model: it leads only to layers that do not work</source>
        <translation>{layer}：不属于模型：它只通向不可用的层</translation>
    </message>
    <message>
        <source>{layer}: an Embedding looks up token ids, so it must come right after the Input</source>
        <translation>{layer}：Embedding 按词元编号查表，因此必须紧跟在 Input 之后</translation>
    </message>
    <message>
        <source>takes at least {least} inputs, not {count}</source>
        <translation>至少需要 {least} 个输入，而不是 {count} 个</translation>
    </message>
    <message>
        <source>takes one input, not {count}</source>
        <translation>只接受一个输入，而不是 {count} 个</translation>
    </message>
    <message>
        <source>takes {most} inputs, not {count}</source>
        <translation>接受 {most} 个输入，而不是 {count} 个</translation>
    </message>
    <message>
        <source>{problem}; {source} gives only its last state: tick its return_sequences</source>
        <translation>{problem}；{source} 只给出最后的状态：请勾选它的 return_sequences</translation>
    </message>
    <message>
        <source>Model files</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Run Python code stored in the file (Lambda layers): only for files you trust</source>
        <translation>运行文件中存储的 Python 代码（Lambda 层）：只用于你信任的文件</translation>
    </message>
    <message>
        <source>I trust this file</source>
        <translation>我信任这个文件</translation>
    </message>
    <message>
        <source>a model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>a model configuration</source>
        <translation>模型配置</translation>
    </message>
    <message>
        <source>The model stored in {file}. Its layers come from the file&apos;s configuration.</source>
        <translation>存储在 {file} 中的模型。它的层来自文件中的配置。</translation>
    </message>
    <message>
        <source>{path} holds weights only, no model: load it as weights into an architecture instead</source>
        <translation>{path} 只有权重，没有模型：请把它作为权重加载到某个架构中</translation>
    </message>
    <message>
        <source>{where} is not a Keras model configuration</source>
        <translation>{where} 不是 Keras 模型配置</translation>
    </message>
    <message>
        <source>{path} is a zip file but not a .keras model file</source>
        <translation>{path} 是 zip 文件，但不是 .keras 模型文件</translation>
    </message>
    <message>
        <source>{path} cannot be opened as a model file: {error}</source>
        <translation>无法把 {path} 作为模型文件打开：{error}</translation>
    </message>
    <message>
        <source>{where}: a model may have at most {limit:,} layers; this one has {count:,}</source>
        <translation>{where}：一个模型最多 {limit:,} 层；这个模型有 {count:,} 层</translation>
    </message>
    <message>
        <source>{path} could not be rebuilt: its configuration has no {key}</source>
        <translation>无法重建 {path}：其配置中没有 {key}</translation>
    </message>
    <message>
        <source>{path} contains Python code (a Lambda layer) and was not opened: open it only if you trust the file (add :trust=true, or tick &apos;I trust this file&apos;)</source>
        <translation>{path} 含有 Python 代码（Lambda 层），因此没有打开：只有在你信任这个文件时才打开它（加上 :trust=true，或勾选“我信任这个文件”）</translation>
    </message>
    <message>
        <source>{path} could not be rebuilt: {error}</source>
        <translation>无法重建 {path}：{error}</translation>
    </message>
    <message>
        <source>stem</source>
        <translation>主干 (stem)</translation>
    </message>
    <message>
        <source>head</source>
        <translation>头部 (head)</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>{name} ({kind}) · {count} layers</source>
        <translation>{name}（{kind}）· {count} 层</translation>
    </message>
    <message>
        <source>{params:,} params · {macs} MACs</source>
        <translation>参数量 {params:,} · {macs} MACs</translation>
    </message>
    <message>
        <source>{type} {window} · {params:,} params</source>
        <translation>{type} {window} · 参数量 {params:,}</translation>
    </message>
    <message>
        <source>{type} · {params:,} params</source>
        <translation>{type} · 参数量 {params:,}</translation>
    </message>
    <message>
        <source>shape mismatch</source>
        <translation>形状不符</translation>
    </message>
    <message>
        <source>both have this layer, but the arrays&apos; shapes differ</source>
        <translation>两边都有这一层，但数组的形状不同</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>the model has this layer, the file does not</source>
        <translation>模型有这一层，文件中没有</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>多余</translation>
    </message>
    <message>
        <source>the file has weights the model has no place for</source>
        <translation>文件中有模型无处存放的权重</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>the file has arrays of exactly the shapes this layer needs</source>
        <translation>文件中的数组正好是这一层需要的形状</translation>
    </message>
    <message>
        <source>{path}: loads completely ({matched} matched, {mismatched} shape mismatch, {missing} missing, {extra} extra layers)</source>
        <translation>{path}：可以完整加载（{matched} 层匹配，{mismatched} 层形状不符，{missing} 层缺失，{extra} 层多余）</translation>
    </message>
    <message>
        <source>{path}: would NOT load ({matched} matched, {mismatched} shape mismatch, {missing} missing, {extra} extra layers)</source>
        <translation>{path}：无法加载（{matched} 层匹配，{mismatched} 层形状不符，{missing} 层缺失，{extra} 层多余）</translation>
    </message>
    <message>
        <source>unknown CPU</source>
        <translation>未知 CPU</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>CPU only — {model}</source>
        <translation>仅 CPU — {model}</translation>
    </message>
    <message>
        <source>{gpu} +{more} more GPU</source>
        <translation>{gpu} 及另外 {more} 个 GPU</translation>
    </message>
    <message>
        <source>{gpu} +{more} more GPUs</source>
        <translation>{gpu} 及另外 {more} 个 GPU</translation>
    </message>
    <message>
        <source>Summary: {summary}</source>
        <translation>摘要：{summary}</translation>
    </message>
    <message>
        <source>unknown, TensorFlow is not available</source>
        <translation>未知，TensorFlow 不可用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>GPU {index}: {name}, memory {memory}, usable by TensorFlow: {usable} (via {source})</source>
        <translation>GPU {index}：{name}，显存 {memory}，TensorFlow 可用：{usable}（来源：{source}）</translation>
    </message>
    <message>
        <source>GPUs: none found</source>
        <translation>GPU：未找到</translation>
    </message>
    <message>
        <source>CPU: {model}, {cores} logical cores, RAM {ram}</source>
        <translation>CPU：{model}，{cores} 个逻辑核心，内存 {ram}</translation>
    </message>
    <message>
        <source>TensorFlow: {tensorflow}, Keras: {keras}</source>
        <translation>TensorFlow：{tensorflow}，Keras：{keras}</translation>
    </message>
    <message>
        <source>cannot write {path}: stopped by signal {signal}</source>
        <translation>无法写入 {path}：被信号 {signal} 中止</translation>
    </message>
    <message>
        <source>cannot write {path}: it is {kind}, not a file</source>
        <translation>无法写入 {path}：它是{kind}，不是文件</translation>
    </message>
    <message>
        <source>{item} is not NAME=VALUE</source>
        <translation>{item} 不是 NAME=VALUE 形式</translation>
    </message>
    <message>
        <source>given twice, as {first} and as {second}</source>
        <translation>给出了两次：{first} 和 {second}</translation>
    </message>
    <message>
        <source>a lesson file</source>
        <translation>课程文件</translation>
    </message>
    <message>
        <source>{source}: not a lesson file (not JSON: {error})</source>
        <translation>{source}：不是课程文件（不是 JSON：{error}）</translation>
    </message>
    <message>
        <source>{source}: not a lesson file (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>{source}：不是课程文件（没有 &quot;format&quot;: &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>{source}: the lesson has no version number</source>
        <translation>{source}：课程文件没有版本号</translation>
    </message>
    <message>
        <source>{source}: made by a newer Keras Architecture Explorer (lesson version {version}; this one reads up to {supported}): update it to open this lesson</source>
        <translation>{source}：由更新版本的 Keras Architecture Explorer 制作（课程版本 {version}；本程序最多读取 {supported}）：请升级后再打开此课程</translation>
    </message>
    <message>
        <source>&quot;reference&quot; must name a model</source>
        <translation>&quot;reference&quot; 必须指定一个模型</translation>
    </message>
    <message>
        <source>&quot;pinned&quot; must be a list of models</source>
        <translation>&quot;pinned&quot; 必须是模型列表</translation>
    </message>
    <message>
        <source>&quot;view&quot; must be one of {known}</source>
        <translation>&quot;view&quot; 必须是以下之一：{known}</translation>
    </message>
    <message>
        <source>&quot;fold&quot; must be one of {known}</source>
        <translation>&quot;fold&quot; 必须是以下之一：{known}</translation>
    </message>
    <message>
        <source>&quot;font_scale&quot; must be a number from 0.8 to 2.5</source>
        <translation>&quot;font_scale&quot; 必须是 0.8 到 2.5 之间的数</translation>
    </message>
    <message>
        <source>{source}: not a lesson file (not text)</source>
        <translation>{source}：不是课程文件（不是文本）</translation>
    </message>
    <message>
        <source>a weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <source>{path} is a .keras model file, which Keras loads only from a name ending in .keras; rename it to {name}</source>
        <translation>{path} 是 .keras 模型文件，Keras 只从以 .keras 结尾的文件名加载它；请将其重命名为 {name}</translation>
    </message>
    <message>
        <source>{path} holds Keras 3 weights, which Keras loads only from a name ending in .weights.h5; rename it to {name}</source>
        <translation>{path} 存放的是 Keras 3 权重，Keras 只从以 .weights.h5 结尾的文件名加载它；请将其重命名为 {name}</translation>
    </message>
    <message>
        <source>{path} holds tf.keras 2 weights, which Keras loads only from a name ending in .h5 or .hdf5 (not .weights.h5); rename it to {name}</source>
        <translation>{path} 存放的是 tf.keras 2 权重，Keras 只从以 .h5 或 .hdf5（而非 .weights.h5）结尾的文件名加载它；请将其重命名为 {name}</translation>
    </message>
    <message>
        <source>{path}: {variable} is missing</source>
        <translation>{path}：缺少 {variable}</translation>
    </message>
    <message>
        <source>{path}: {variable} is a link; Keras loads only what the file holds itself</source>
        <translation>{path}：{variable} 是一个链接；Keras 只加载文件自身包含的内容</translation>
    </message>
    <message>
        <source>{path}: {variable} is a group, not an array</source>
        <translation>{path}：{variable} 是一个组，而不是数组</translation>
    </message>
    <message>
        <source>{path}: the array {variable} keeps its values in other files</source>
        <translation>{path}：数组 {variable} 的数值存放在其他文件中</translation>
    </message>
    <message>
        <source>{path}: the array {variable} would unpack to {size} from {stored} stored, as only a decompression bomb does; Keras refuses it</source>
        <translation>{path}：数组 {variable} 仅存储了 {stored}，却会展开为 {size}，只有解压炸弹才会这样；Keras 拒绝加载它</translation>
    </message>
    <message>
        <source>{path}: the array {variable} holds {dtype} values; Keras loads only real floating-point or integer weights</source>
        <translation>{path}：数组 {variable} 存放的是 {dtype} 类型的值；Keras 只加载实数浮点或整数权重</translation>
    </message>
    <message>
        <source>{path}: {layer} is an array, not a layer&apos;s group</source>
        <translation>{path}：{layer} 是一个数组，而不是层的组</translation>
    </message>
    <message>
        <source>{path}: its groups are nested more than {limit} deep</source>
        <translation>{path}：其中的组嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{path}: the arrays in {group} are not numbered 0, 1, 2, …</source>
        <translation>{path}：{group} 中的数组没有按 0、1、2、… 编号</translation>
    </message>
    <message>
        <source>{path}: Keras 3 weights files must end in {suffix}; save as {name}</source>
        <translation>{path}：Keras 3 权重文件名必须以 {suffix} 结尾；请另存为 {name}</translation>
    </message>
    <message>
        <source>cannot write {path}: there is no folder {folder}</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} is not writable</source>
        <translation>无法写入 {path}：文件夹 {folder} 不可写</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>it has no Input</source>
        <translation>它没有 Input</translation>
    </message>
    <message>
        <source>none of its outputs works</source>
        <translation>它的输出都无法工作</translation>
    </message>
    <message>
        <source>{name} has nothing to write: {reason}</source>
        <translation>{name} 没有可写出的代码：{reason}</translation>
    </message>
    <message>
        <source>its layer {layer} is self-attention, called with the sequence twice (as query and value), and a Sequential model calls each layer with one input</source>
        <translation>其层 {layer} 是自注意力，要以序列调用两次（作为查询和值），而 Sequential 模型每层只用一个输入调用</translation>
    </message>
    <message>
        <source>its residual block {block} adds a shortcut, and Sequential models are one straight line of layers</source>
        <translation>其残差块 {block} 添加了捷径连接，而 Sequential 模型只是一条直线排列的层</translation>
    </message>
    <message>
        <source>{design} cannot be written as a Sequential model: {reason}; use the functional or subclassing style</source>
        <translation>{design} 无法写成 Sequential 模型：{reason}；请使用函数式或子类化风格</translation>
    </message>
    <message>
        <source>unknown code style {style} (known: {known})</source>
        <translation>未知的代码风格 {style}（已有：{known}）</translation>
    </message>
    <message>
        <source>the drawing could not be read as SVG</source>
        <translation>无法把这张图读作 SVG</translation>
    </message>
    <message>
        <source>the drawing is {width:,} × {height:,} pixels, more than a PNG is made of here (at most {side:,} a side, {pixels} pixels): save it as SVG, or fold it</source>
        <translation>这张图有 {width:,} × {height:,} 像素，超出了这里能生成的 PNG（每边最多 {side:,}，共 {pixels} 像素）：请存为 SVG，或折叠后再导出</translation>
    </message>
    <message>
        <source>no memory for a picture of {width:,} × {height:,} pixels</source>
        <translation>内存不足，无法生成 {width:,} × {height:,} 像素的图片</translation>
    </message>
    <message>
        <source>{width}={size} cannot be split into {heads} heads of equal width: {width} must be a multiple of heads</source>
        <translation>{width}={size} 无法分成 {heads} 个等宽的头：{width} 必须是 heads 的倍数</translation>
    </message>
    <message>
        <source>gives {tokens:,} tokens, more than the {most:,} this program builds</source>
        <translation>得到 {tokens:,} 个词元，超过本程序可构建的 {most:,} 个</translation>
    </message>
    <message>
        <source>and a multiple of patch_size</source>
        <translation>且为 patch_size 的倍数</translation>
    </message>
    <message>
        <source>Side of the square patches that become tokens (a strided convolution)</source>
        <translation>变成词元的正方形图块的边长（一个带步长的卷积）</translation>
    </message>
    <message>
        <source>Encoder blocks</source>
        <translation>编码器块数</translation>
    </message>
    <message>
        <source>Width of every token (embedding)</source>
        <translation>每个词元的宽度（嵌入维度）</translation>
    </message>
    <message>
        <source>Attention heads in each block</source>
        <translation>每个块中的注意力头数</translation>
    </message>
    <message>
        <source>Units of the first Dense layer of each block&apos;s MLP</source>
        <translation>每个块的 MLP 中第一个 Dense 层的单元数</translation>
    </message>
    <message>
        <source>{shape} cannot be cut into {patch}x{patch} patches: height and width must be multiples of patch_size ({patch})</source>
        <translation>{shape} 无法切成 {patch}x{patch} 的图块：高和宽必须是 patch_size（{patch}）的倍数</translation>
    </message>
    <message>
        <source>Vision Transformer: the image is cut into 16x16 patches, each becomes a token of width {width} (one strided convolution), a learned class token and position embeddings are added, then {depth} pre-norm encoder blocks (attention with {heads} heads, an MLP of {mlp}) and a Dense classifier on the class token (Dosovitskiy et al. 2020). Attention compares every token with every other: its cost grows with the square of the token count.</source>
        <translation>视觉 Transformer：图像被切成 16x16 的图块，每个图块变成宽度为 {width} 的词元（一个带步长的卷积），加上一个可学习的类别词元和位置嵌入，然后是 {depth} 个前置归一化的编码器块（{heads} 个头的注意力，宽 {mlp} 的 MLP），最后在类别词元上接一个 Dense 分类器（Dosovitskiy 等，2020）。注意力把每个词元与所有其他词元比较：其计算量随词元数的平方增长。</translation>
    </message>
    <message>
        <source>Rows of the token embedding (WordPiece vocabulary)</source>
        <translation>词元嵌入的行数（WordPiece 词表）</translation>
    </message>
    <message>
        <source>Tokens per sample; at most max_positions</source>
        <translation>每个样本的词元数；最多为 max_positions</translation>
    </message>
    <message>
        <source>Rows of the learned position table (512 in BERT); a sequence uses its first sequence_length rows</source>
        <translation>可学习位置表的行数（BERT 中为 512）；序列使用其前 sequence_length 行</translation>
    </message>
    <message>
        <source>Width of every token</source>
        <translation>每个词元的宽度</translation>
    </message>
    <message>
        <source>{length} tokens need {length} learned positions, but max_positions is {positions}: raise max_positions or shorten the sequence</source>
        <translation>{length} 个词元需要 {length} 个可学习的位置，但 max_positions 是 {positions}：请增大 max_positions 或缩短序列</translation>
    </message>
    <message>
        <source>BERT-style text encoder: token, position (a learned table of 512) and segment embeddings are added and normalised, then {depth} post-norm encoder blocks (attention with {heads} heads of a {hidden}-wide token, an MLP of {intermediate}) and a tanh pooler on the first token (Devlin et al. 2018). Inputs: token ids and segment ids. Attention&apos;s cost grows with the square of sequence_length.</source>
        <translation>BERT 式文本编码器：词元、位置（512 行的可学习表）和片段嵌入相加并归一化，然后是 {depth} 个后置归一化的编码器块（对 {hidden} 宽的词元做 {heads} 个头的注意力，宽 {intermediate} 的 MLP），最后在第一个词元上接一个 tanh 池化层（Devlin 等，2018）。输入：词元 id 和片段 id。注意力的计算量随 sequence_length 的平方增长。</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>未计入</translation>
    </message>
    <message>
        <source>(1 layer not counted)</source>
        <translation>（1 层未计入）</translation>
    </message>
    <message>
        <source>({count} layers not counted)</source>
        <translation>（{count} 层未计入）</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 等，另有 {count} 层</translation>
    </message>
    <message>
        <source>(1 layer not counted: {names})</source>
        <translation>（1 层未计入：{names}）</translation>
    </message>
    <message>
        <source>({count} layers not counted: {names})</source>
        <translation>（{count} 层未计入：{names}）</translation>
    </message>
    <message>
        <source>{shape} per step</source>
        <translation>{shape}（每步）</translation>
    </message>
    <message>
        <source>Size of the state, and of each output</source>
        <translation>状态的大小，也是每个输出的大小</translation>
    </message>
    <message>
        <source>An output at every step (steps x units), not only after the last (units): needed before another recurrent, attention or Conv1D layer</source>
        <translation>每一步都输出（步数 x 单元数），而不只在最后一步输出（单元数）：其后再接循环层、注意力层或 Conv1D 时需要</translation>
    </message>
    <message>
        <source>Looks up a learned vector for each token id: steps become steps x output_dim. Comes right after an Input of token ids (steps alone).</source>
        <translation>为每个词元编号查出一个学习到的向量：步数变为 步数 x output_dim。紧跟在词元编号的 Input（只写步数）之后。</translation>
    </message>
    <message>
        <source>Vocabulary size: token ids go from 0 to this minus 1</source>
        <translation>词表大小：词元编号从 0 到此数减 1</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Width of each token&apos;s vector</source>
        <translation>每个词元向量的宽度</translation>
    </message>
    <message>
        <source>Vector width</source>
        <translation>向量宽度</translation>
    </message>
    <message>
        <source>Slides learned kernels along the sequence; each filter gives one output feature.</source>
        <translation>沿序列滑动学习到的卷积核；每个过滤器给出一个输出特征。</translation>
    </message>
    <message>
        <source>Steps the kernel covers</source>
        <translation>卷积核覆盖的步数</translation>
    </message>
    <message>
        <source>Step of the window along the sequence</source>
        <translation>窗口沿序列移动的步长</translation>
    </message>
    <message>
        <source>valid: no padding, the output shrinks; same: zeros around, output = ceil(steps / strides); causal: zeros before, so no step sees a later one</source>
        <translation>valid：不填充，输出变短；same：两端补零，输出 = ceil(步数 / 步长)；causal：只在前面补零，任何一步都看不到其后的步</translation>
    </message>
    <message>
        <source>Averages each feature over all steps: steps x features becomes features.</source>
        <translation>对每个特征在所有步上求平均：步数 x 特征数 变为 特征数。</translation>
    </message>
    <message>
        <source>Long short-term memory: reads the sequence step by step, keeping a state through four learned gates.</source>
        <translation>长短期记忆：逐步读取序列，通过四个学习到的门保持状态。</translation>
    </message>
    <message>
        <source>Gated recurrent unit: reads the sequence step by step, keeping a state through three learned gates.</source>
        <translation>门控循环单元：逐步读取序列，通过三个学习到的门保持状态。</translation>
    </message>
    <message>
        <source>Attention: every step of the query looks at every step of the value (which is also the key). One input is self-attention: the sequence is query and value. The output has the query&apos;s shape.</source>
        <translation>注意力：query 的每一步都关注 value（同时也是 key）的每一步。只有一个输入时为自注意力：该序列既是 query 也是 value。输出形状与 query 相同。</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Width of each head&apos;s queries, keys and values</source>
        <translation>每个头的查询、键和值的宽度</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query（查询）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value（值）</translation>
    </message>
    <message>
        <source>Normalises each position over its last axis (its features), then scales and shifts it.</source>
        <translation>对每个位置沿最后一个轴（其特征）归一化，再缩放和平移。</translation>
    </message>
    <message>
        <source>params = {vocab:,}·{width} = {params:,}: a row of {width} values per token id; MACs = 0, a lookup multiplies nothing</source>
        <translation>参数 = {vocab:,}·{width} = {params:,}：每个词元 id 一行 {width} 个值；MACs = 0，查表不做乘法</translation>
    </message>
    <message>
        <source>params = {rows:,}·{width} = {params:,}: a learned vector per position, added to the token there (the first {tokens} rows are used); MACs = 0</source>
        <translation>参数 = {rows:,}·{width} = {params:,}：每个位置一个可学习的向量，加到该位置的词元上（使用前 {tokens} 行）；MACs = 0</translation>
    </message>
    <message>
        <source>params = {width}: one learned token put before the {tokens} others; the classifier reads it at the end</source>
        <translation>参数 = {width}：一个可学习的词元放在其余 {tokens} 个词元之前；分类器最后读取它</translation>
    </message>
    <message>
        <source>params = 2·{width} = {params:,}: γ and β per feature; each token is normalised over its own {width} values</source>
        <translation>参数 = 2·{width} = {params:,}：每个特征一个 γ 和 β；每个词元在自己的 {width} 个值上归一化</translation>
    </message>
    <message>
        <source>params = {gates}·({d}·{u} + {u}·{u} + {u}) = {params:,}: per gate an input kernel, a recurrent kernel and a bias</source>
        <translation>参数 = {gates}·({d}·{u} + {u}·{u} + {u}) = {params:,}：每个门一个输入核、一个循环核和一个偏置</translation>
    </message>
    <message>
        <source>params = {gates}·({d}·{u} + {u}·{u} + 2·{u}) = {params:,}: per gate an input kernel, a recurrent kernel and two biases (reset_after)</source>
        <translation>参数 = {gates}·({d}·{u} + {u}·{u} + 2·{u}) = {params:,}：每个门一个输入核、一个循环核和两个偏置（reset_after）</translation>
    </message>
    <message>
        <source>MACs = {steps} steps · {gates}·({d}·{u} + {u}·{u}) = {macs:,}: every step multiplies the input and the last state into each gate</source>
        <translation>MACs = {steps} 步 · {gates}·({d}·{u} + {u}·{u}) = {macs:,}：每一步都把输入和上一个状态乘进每个门</translation>
    </message>
    <message>
        <source>params = 3·({d}·{hk} + {hk}) + {hk}·{d} + {d} = {params:,}: the query, key and value projections to heads × key width = {hk}, and the output projection</source>
        <translation>参数 = 3·({d}·{hk} + {hk}) + {hk}·{d} + {d} = {params:,}：查询、键、值投影到 头数 × 键宽度 = {hk}，以及输出投影</translation>
    </message>
    <message>
        <source>MACs = 4·{t}·{d}·{hk} + 2·{t}·{t}·{hk} = {macs:,}: the four projections, then QKᵀ and AV over every pair of the {t} tokens (this part grows with the square of the tokens)</source>
        <translation>MACs = 4·{t}·{d}·{hk} + 2·{t}·{t}·{hk} = {macs:,}：四个投影，再加上 {t} 个词元两两之间的 QKᵀ 和 AV（这一部分随词元数的平方增长）</translation>
    </message>
    <message>
        <source>Training memory (batch {batch}, {optimizer}, {precision})</source>
        <translation>训练内存（批大小 {batch}，{optimizer}，{precision}）</translation>
    </message>
    <message>
        <source>{value} is not one of {known}</source>
        <translation>{value} 不是以下之一：{known}</translation>
    </message>
    <message>
        <source>{value} is not a batch size from 1 to {most:,}</source>
        <translation>{value} 不是 1 到 {most:,} 之间的批大小</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>one per trainable weight</source>
        <translation>每个可训练权重一个</translation>
    </message>
    <message>
        <source>Optimizer slots</source>
        <translation>优化器槽变量</translation>
    </message>
    <message>
        <source>the outputs the backward pass reads and attention&apos;s scores, {bytes} B a value</source>
        <translation>反向传播要读取的输出和注意力分数，每个值 {bytes} 字节</translation>
    </message>
    <message>
        <source>{slots} per trainable weight, the update&apos;s {update}</source>
        <translation>每个可训练权重 {slots} 个，更新时另需 {update}</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Inputs and labels</source>
        <translation>输入和标签</translation>
    </message>
    <message>
        <source>the batch&apos;s inputs, one-hot float32 labels</source>
        <translation>该批的输入，one-hot float32 标签</translation>
    </message>
    <message>
        <source>TensorFlow on the CPU</source>
        <translation>TensorFlow 在 CPU 上</translation>
    </message>
    <message>
        <source>its own memory for the model: traced step, kernels; a measured rule</source>
        <translation>它为该模型自身占用的内存：追踪的训练步骤、内核；实测规则</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>{device}: its memory is unknown</source>
        <translation>{device}：内存大小未知</translation>
    </message>
    <message>
        <source>Does not fit in this CPU&apos;s free RAM ({memory}): not even batch 1</source>
        <translation>本机 CPU 的空闲内存（{memory}）放不下：连批大小 1 也不行</translation>
    </message>
    <message>
        <source>Fits in this CPU&apos;s free RAM ({memory}) up to batch {largest}</source>
        <translation>本机 CPU 的空闲内存（{memory}）最多可容纳批大小 {largest}</translation>
    </message>
    <message>
        <source>Does not fit on {device} ({memory}): not even batch 1</source>
        <translation>{device}（{memory}）放不下：连批大小 1 也不行</translation>
    </message>
    <message>
        <source>Fits on {device} ({memory}) up to batch {largest}</source>
        <translation>{device}（{memory}）最多可容纳批大小 {largest}</translation>
    </message>
    <message>
        <source>{model} does not fit at batch {batch:,} on {device}: {reason}</source>
        <translation>{model} 在 {device} 上放不下批大小 {batch:,}：{reason}</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>运行已取消</translation>
    </message>
    <message>
        <source>{value} is not a number of steps from 1 to {most:,}</source>
        <translation>{value} 不是 1 到 {most:,} 之间的步数</translation>
    </message>
    <message>
        <source>its step needs about {needed} (estimate), and {free} is free</source>
        <translation>它的一步约需 {needed}（估计），而空闲只有 {free}</translation>
    </message>
    <message>
        <source>only a ResidualBlock expands into layers</source>
        <translation>只有 ResidualBlock 可以展开为层</translation>
    </message>
    <message>
        <source>cannot expand a block without a working 4-D input: connect one first</source>
        <translation>块没有可用的 4 维输入，无法展开：请先连接一个</translation>
    </message>
    <message>
        <source>choose the layers to group first</source>
        <translation>请先选择要组合的层</translation>
    </message>
    <message>
        <source>{block} is already the name of a block or a layer</source>
        <translation>{block} 已是某个块或层的名称</translation>
    </message>
    <message>
        <source>already in block {block}: ungroup it first</source>
        <translation>已在块 {block} 中：请先取消组合</translation>
    </message>
    <message>
        <source>no block is called {block}</source>
        <translation>没有名为 {block} 的块</translation>
    </message>
    <message>
        <source>no layer is called {name} in design {design}</source>
        <translation>设计 {design} 中没有名为 {name} 的层</translation>
    </message>
    <message>
        <source>The axis the inputs are laid side by side on; -1 is the last (the channels)</source>
        <translation>输入沿其并排拼接的轴；-1 表示最后一轴（通道）</translation>
    </message>
    <message>
        <source>Adds its inputs element by element; they must all have the same shape.</source>
        <translation>逐元素相加各输入；所有输入的形状必须相同。</translation>
    </message>
    <message>
        <source>x − y, element by element; both inputs have the same shape.</source>
        <translation>逐元素计算 x − y；两个输入形状相同。</translation>
    </message>
    <message>
        <source>Multiplies its inputs element by element; they must all have the same shape.</source>
        <translation>逐元素相乘各输入；所有输入的形状必须相同。</translation>
    </message>
    <message>
        <source>Averages its inputs element by element; they must all have the same shape.</source>
        <translation>逐元素求各输入的平均；所有输入的形状必须相同。</translation>
    </message>
    <message>
        <source>Keeps the largest of its inputs element by element; they must all have the same shape.</source>
        <translation>逐元素取各输入中的最大值；所有输入的形状必须相同。</translation>
    </message>
    <message>
        <source>Lays its inputs side by side along one axis (the channels by default); every other axis must agree.</source>
        <translation>沿一个轴（默认是通道）把各输入并排拼接；其他各轴必须一致。</translation>
    </message>
    <message>
        <source>Dot products of its two inputs along one axis of each (the same axis for both).</source>
        <translation>沿两个输入的同一轴计算点积。</translation>
    </message>
    <message>
        <source>The axis summed over, in both inputs; -1 is the last</source>
        <translation>两个输入中被求和的轴；-1 表示最后一轴</translation>
    </message>
    <message>
        <source>Scale both inputs to length 1 first: the cosine similarity</source>
        <translation>先把两个输入缩放到长度 1：即余弦相似度</translation>
    </message>
    <message>
        <source>The way back of a convolution: each input value spreads a learned kernel over the output, which is strides times larger.</source>
        <translation>卷积的反向：每个输入值把学到的卷积核铺到输出上，输出大小为输入的 strides 倍。</translation>
    </message>
    <message>
        <source>How many times larger the output is, in both directions</source>
        <translation>输出在两个方向上各放大多少倍</translation>
    </message>
    <message>
        <source>same: output = input × strides; valid: also the kernel&apos;s overhang, input × strides + max(kernel − strides, 0)</source>
        <translation>same：输出 = 输入 × strides；valid：再加上卷积核的超出部分，输入 × strides + max(kernel − strides, 0)</translation>
    </message>
    <message>
        <source>Repeats every row and column size times: the image grows, nothing is learned.</source>
        <translation>把每一行和每一列重复 size 次：图像变大，没有可学习的参数。</translation>
    </message>
    <message>
        <source>How many times each row and column is repeated</source>
        <translation>每一行和每一列重复的次数</translation>
    </message>
    <message>
        <source>a layer cannot take its own output</source>
        <translation>层不能以自己的输出作为输入</translation>
    </message>
    <message>
        <source>connecting {source} to {target} would make a cycle: {target} already feeds {source}</source>
        <translation>把 {source} 连到 {target} 会形成环路：{target} 已经是 {source} 的上游</translation>
    </message>
    <message>
        <source>{slot} is not one of its input slots (0 to {last})</source>
        <translation>{slot} 不是它的输入端口（0 到 {last}）</translation>
    </message>
    <message>
        <source>already takes {source}</source>
        <translation>已经以 {source} 为输入</translation>
    </message>
    <message>
        <source>takes {count} inputs at most: disconnect one first</source>
        <translation>最多接受 {count} 个输入：请先断开一个</translation>
    </message>
    <message>
        <source>does not take {source}</source>
        <translation>没有以 {source} 为输入</translation>
    </message>
    <message>
        <source>a design needs at least one output: mark another layer first</source>
        <translation>设计至少需要一个输出：请先把另一层标为输出</translation>
    </message>
    <message>
        <source>inputs {first} and {other} differ</source>
        <translation>输入 {first} 与 {other} 不一致</translation>
    </message>
    <message>
        <source>{text}; use a projection (1×1 Conv2D with strides {n})</source>
        <translation>{text}；请使用投影（步幅为 {n} 的 1×1 Conv2D）</translation>
    </message>
    <message>
        <source>{text}; use a projection (1×1 Conv2D with {n} filters)</source>
        <translation>{text}；请使用投影（{n} 个卷积核的 1×1 Conv2D）</translation>
    </message>
    <message>
        <source>inputs {first} and {other} have different ranks</source>
        <translation>输入 {first} 与 {other} 的维数不同</translation>
    </message>
    <message>
        <source>cannot concatenate on {what}</source>
        <translation>不能在{what}上拼接</translation>
    </message>
    <message>
        <source>shapes differ on axis {axis} ({a} vs {b})</source>
        <translation>形状在轴 {axis} 上不一致（{a} 对 {b}）</translation>
    </message>
    <message>
        <source>the batch axis ({axis})</source>
        <translation>批轴（{axis}）</translation>
    </message>
    <message>
        <source>axis {axis} is outside its {rank}-D inputs</source>
        <translation>轴 {axis} 超出了 {rank} 维输入的范围</translation>
    </message>
    <message>
        <source>cannot sum over {what}</source>
        <translation>不能在{what}上求和</translation>
    </message>
    <message>
        <source>the axes summed over differ: {a} in x {x}, {b} in y {y}</source>
        <translation>求和的轴长度不一致：x {x} 中为 {a}，y {y} 中为 {b}</translation>
    </message>
    <message>
        <source>it has {count} Inputs ({names})</source>
        <translation>它有 {count} 个 Input（{names}）</translation>
    </message>
    <message>
        <source>{layer} takes {count} inputs</source>
        <translation>{layer} 接受 {count} 个输入</translation>
    </message>
    <message>
        <source>{layer} feeds {count} layers ({names})</source>
        <translation>{layer} 的输出送往 {count} 个层（{names}）</translation>
    </message>
    <message>
        <source>its first layer {layer} is not its Input</source>
        <translation>它的第一层 {layer} 不是 Input</translation>
    </message>
    <message>
        <source>{layer} has no input</source>
        <translation>{layer} 没有输入</translation>
    </message>
    <message>
        <source>{layer} does not take the layer before it ({before})</source>
        <translation>{layer} 没有接受它前面的层（{before}）</translation>
    </message>
    <message>
        <source>its outputs are {names}, not its last layer alone</source>
        <translation>它的输出是 {names}，而不只是最后一层</translation>
    </message>
</context>
<context>
    <name>DesignCanvas</name>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Lay every layer out again along its connections</source>
        <translation>按连接重新排列所有层</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole design</source>
        <translation>显示整个设计</translation>
    </message>
    <message>
        <source>Drag a kind from the palette here; drag from a layer&apos;s bottom port to another layer&apos;s top port to connect; right-click for more.</source>
        <translation>从层面板把一种层拖到这里；从一层底部的端口拖到另一层顶部的端口即可连接；右键查看更多操作。</translation>
    </message>
    <message>
        <source>{block} (block)</source>
        <translation>{block}（模块）</translation>
    </message>
    <message>
        <source>{count} layers · double-click to open</source>
        <translation>{count} 层 · 双击打开</translation>
    </message>
    <message>
        <source>{block} · double-click to fold</source>
        <translation>{block} · 双击折叠</translation>
    </message>
    <message>
        <source>not part of the model</source>
        <translation>不属于模型</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Connect {source} to {target}</source>
        <translation>将 {source} 连接到 {target}</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>删除 {what}</translation>
    </message>
    <message>
        <source>Move {what}</source>
        <translation>移动 {what}</translation>
    </message>
    <message>
        <source>Mark {name} as an output</source>
        <translation>将 {name} 标记为输出</translation>
    </message>
    <message>
        <source>{name} no longer an output</source>
        <translation>{name} 不再是输出</translation>
    </message>
    <message>
        <source>Expand {name}</source>
        <translation>展开 {name}</translation>
    </message>
    <message>
        <source>Group {what} as {block}</source>
        <translation>将 {what} 组合为 {block}</translation>
    </message>
    <message>
        <source>Group as Block</source>
        <translation>组合为模块</translation>
    </message>
    <message>
        <source>The block&apos;s name:</source>
        <translation>模块名称：</translation>
    </message>
    <message>
        <source>Ungroup {block}</source>
        <translation>取消组合 {block}</translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>Mark as Output</source>
        <translation>标记为输出</translation>
    </message>
    <message>
        <source>Expand Block</source>
        <translation>展开模块</translation>
    </message>
    <message>
        <source>Group as Block…</source>
        <translation>组合为模块…</translation>
    </message>
    <message>
        <source>Open {block}</source>
        <translation>打开 {block}</translation>
    </message>
    <message>
        <source>Fold {block}</source>
        <translation>折叠 {block}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Designer</name>
    <message>
        <source>Move {name}</source>
        <translation>移动 {name}</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>层库</translation>
    </message>
    <message>
        <source>Layers (drag to reorder)</source>
        <translation>层（拖动可调整顺序）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Add ▸</source>
        <translation>添加 ▸</translation>
    </message>
    <message>
        <source>Insert the chosen kind after the selected layer (or double-click it)</source>
        <translation>在选中的层之后插入所选种类的层（也可双击它）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Undo the last change to the design</source>
        <translation>撤销对设计的上一次修改</translation>
    </message>
    <message>
        <source>Redo the last change to the design</source>
        <translation>重做对设计的上一次修改</translation>
    </message>
    <message>
        <source>Undo {change}</source>
        <translation>撤销 {change}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo {change}</source>
        <translation>重做 {change}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Rename the design to {name}</source>
        <translation>将设计重命名为 {name}</translation>
    </message>
</context>
<context>
    <name>Designs</name>
    <message>
        <source>Designs (*{suffix})</source>
        <translation>设计 (*{suffix})</translation>
    </message>
    <message>
        <source>&amp;New Design</source>
        <translation>新建设计(&amp;N)</translation>
    </message>
    <message>
        <source>Start a design from an input</source>
        <translation>从一个输入开始新的设计</translation>
    </message>
    <message>
        <source>&amp;Open Design…</source>
        <translation>打开设计(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .design.json file</source>
        <translation>打开 .design.json 文件</translation>
    </message>
    <message>
        <source>&amp;Save Design</source>
        <translation>保存设计(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>Save Design &amp;As…</source>
        <translation>设计另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the design elsewhere</source>
        <translation>把设计保存到其他位置</translation>
    </message>
    <message>
        <source>&amp;Edit a Copy</source>
        <translation>编辑副本(&amp;E)</translation>
    </message>
    <message>
        <source>Open the model on screen in the designer (simple-cnn, the ResNets, designs)</source>
        <translation>在设计器中打开当前显示的模型（simple-cnn、ResNet 系列、设计）</translation>
    </message>
    <message>
        <source>Show &amp;Code…</source>
        <translation>显示代码(&amp;C)…</translation>
    </message>
    <message>
        <source>Python code that builds the model on screen: Sequential, Functional or Subclassing</source>
        <translation>构建当前模型的 Python 代码：顺序式（Sequential）、函数式（Functional）或子类化（Subclassing）</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>Open the example design {name}</source>
        <translation>打开示例设计 {name}</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Designer — {name}</source>
        <translation>设计器 — {name}</translation>
    </message>
    <message>
        <source>Designer — {name} (changed)</source>
        <translation>设计器 — {name}（已修改）</translation>
    </message>
    <message>
        <source>Open Design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Save Design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>The design was not saved.

{message}</source>
        <translation>设计未保存。

{message}</translation>
    </message>
    <message>
        <source>Saved the design to {path}</source>
        <translation>设计已保存到 {path}</translation>
    </message>
    <message>
        <source>Edit a Copy</source>
        <translation>编辑副本</translation>
    </message>
    <message>
        <source>Code — {title}</source>
        <translation>代码 — {title}</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Keras weights (*.weights.h5);;Legacy weights or models (*.h5 *.keras)</source>
        <translation>Keras 权重 (*.weights.h5);;旧格式权重或模型 (*.h5 *.keras)</translation>
    </message>
    <message>
        <source>Keras models and designs (*.keras *.h5 *.hdf5 *{suffix})</source>
        <translation>Keras 模型和设计 (*.keras *.h5 *.hdf5 *{suffix})</translation>
    </message>
    <message>
        <source>&amp;Open Model File…</source>
        <translation>打开模型文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Show the layers of a .keras or legacy .h5 model file</source>
        <translation>显示 .keras 或旧格式 .h5 模型文件中的层</translation>
    </message>
    <message>
        <source>&amp;Save Weights…</source>
        <translation>保存权重(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the model&apos;s weights to a .weights.h5 file</source>
        <translation>把模型的权重写入 .weights.h5 文件</translation>
    </message>
    <message>
        <source>&amp;Load Weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <source>Check a weights file against the model, then load it</source>
        <translation>先检查权重文件与模型是否匹配，再加载</translation>
    </message>
    <message>
        <source>Export Table as &amp;CSV…</source>
        <translation>导出表格为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the layer table as comma-separated values</source>
        <translation>把层表格保存为逗号分隔值（CSV）</translation>
    </message>
    <message>
        <source>Export Table as &amp;Markdown…</source>
        <translation>导出表格为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the layer table and totals as a Markdown document</source>
        <translation>把层表格和合计保存为 Markdown 文档</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Exported the table to {path}</source>
        <translation>表格已导出到 {path}</translation>
    </message>
    <message>
        <source>Save Weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>Keras 3 writes weights only to names ending in {suffix}.

Save as {name} instead?</source>
        <translation>Keras 3 只把权重写入以 {suffix} 结尾的文件名。

改为保存为 {name} 吗？</translation>
    </message>
    <message>
        <source>Saving weights to {path}…</source>
        <translation>正在把权重保存到 {path}…</translation>
    </message>
    <message>
        <source>Load Weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Checking {path} against {model}…</source>
        <translation>正在检查 {path} 与 {model} 是否匹配…</translation>
    </message>
    <message>
        <source>Saved the weights to {path}</source>
        <translation>权重已保存到 {path}</translation>
    </message>
    <message>
        <source>Loading {path}…</source>
        <translation>正在加载 {path}…</translation>
    </message>
    <message>
        <source>Loaded the weights from {path}</source>
        <translation>已从 {path} 加载权重</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Nothing was changed.

{message}</source>
        <translation>没有做任何更改。

{message}</translation>
    </message>
    <message>
        <source>Open Model File</source>
        <translation>打开模型文件</translation>
    </message>
    <message>
        <source>{name} holds weights only, no model.

Check it against the current architecture and load it?</source>
        <translation>{name} 只含权重，不含模型。

要检查它与当前架构是否匹配并加载吗？</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Layer kind</source>
        <translation>层类型</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>macs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>layer kind</source>
        <translation>层类型</translation>
    </message>
    <message>
        <source>Every layer</source>
        <translation>每一层</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>{name} ({kind}): double-click to fold</source>
        <translation>{name}（{kind}）：双击折叠</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;{subtitle}&lt;br&gt;{shape}&lt;br&gt;MACs: {macs} · activations: {activations} values</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;{subtitle}&lt;br&gt;{shape}&lt;br&gt;乘加运算 (MACs)：{macs} · 激活值：{activations} 个</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Double-click to open&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;双击展开&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>折叠</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Edit design</source>
        <translation>编辑设计</translation>
    </message>
    <message>
        <source>Edit the design on a canvas: drop layers from the palette, wire ports, select and delete</source>
        <translation>在画布上编辑设计：从层面板拖入层、连接端口、选择并删除</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>What the boxes&apos; colour shows</source>
        <translation>方框颜色表示的内容</translation>
    </message>
    <message>
        <source>Draw each block or stage as one box with its totals</source>
        <translation>把每个块或阶段画成一个方框，并显示其合计</translation>
    </message>
    <message>
        <source>Find a layer (Ctrl+F)</source>
        <translation>查找层（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0)</source>
        <translation>显示整个结构图（Ctrl+0）</translation>
    </message>
    <message>
        <source>Save the drawing as PNG (twice the pixels) or SVG</source>
        <translation>将结构图保存为 PNG（两倍像素）或 SVG</translation>
    </message>
    <message>
        <source>The graph could not be laid out: {error}</source>
        <translation>无法排布结构图：{error}</translation>
    </message>
    <message>
        <source>by layer kind</source>
        <translation>按层类型区分</translation>
    </message>
    <message>
        <source>white (none) to red (the most), log scale</source>
        <translation>从白色（无）到红色（最多），对数刻度</translation>
    </message>
    <message>
        <source>{scale}, grey: not counted</source>
        <translation>{scale}，灰色：未计入</translation>
    </message>
    <message>
        <source>{layers} layers, {boxes} boxes · colour: {colour}, {scale} · double-click a box or frame to open or fold it</source>
        <translation>{layers} 层，{boxes} 个方框 · 颜色：{colour}，{scale} · 双击方框或边框可展开或折叠</translation>
    </message>
    <message>
        <source>No layer&apos;s name contains {text}.</source>
        <translation>没有名称包含 {text} 的层。</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>导出结构图</translation>
    </message>
    <message>
        <source>graph</source>
        <translation>结构图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>GraphOverview</name>
    <message>
        <source>Where the view is: click or drag to move it</source>
        <translation>当前视图的位置：单击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The numbers a layer learns: a convolution&apos;s kernel weights and biases, a Dense layer&apos;s matrix. Conv2D 3×3, 3 channels in, 16 out: (3·3·3 + 1)·16 = 448.</source>
        <translation>层要学习的数值：卷积的卷积核权重和偏置，Dense 层的矩阵。Conv2D 3×3，输入 3 个通道，输出 16 个：(3·3·3 + 1)·16 = 448。</translation>
    </message>
    <message>
        <source>Trainable and non-trainable</source>
        <translation>可训练与不可训练</translation>
    </message>
    <message>
        <source>Training updates the trainable parameters. BatchNormalization also keeps a moving mean and variance per channel: parameters that follow the batches&apos; statistics and are not trained (half of its 4 per channel).</source>
        <translation>训练会更新可训练参数。BatchNormalization 还为每个通道保存滑动均值和方差：这些参数跟随各批数据的统计量变化，不参与训练（占它每个通道 4 个参数中的一半）。</translation>
    </message>
    <message>
        <source>MACs and FLOPs</source>
        <translation>乘加运算 (MACs) 与浮点运算 (FLOPs)</translation>
    </message>
    <message>
        <source>A multiply-accumulate (a·b + c) is the unit of a layer&apos;s work. FLOPs count the multiply and the add separately, so FLOPs ≈ 2 × MACs. Figures are for one sample.</source>
        <translation>一次乘加（a·b + c）是层计算量的单位。FLOPs 把乘法和加法分开计数，所以 FLOPs ≈ 2 × MACs。数字按单个样本计算。</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Every layer&apos;s output, kept for the backward pass while training: activation memory per sample, times the batch size, at 4 bytes a value (float32).</source>
        <translation>每一层的输出，训练时要保留下来供反向传播使用：每个样本的激活值内存乘以批大小，每个值 4 字节（float32）。</translation>
    </message>
    <message>
        <source>MiB and MB</source>
        <translation>MiB 与 MB</translation>
    </message>
    <message>
        <source>1 MiB = 2^20 = 1,048,576 bytes; 1 MB = 10^6 bytes. Both are in use (memory tools mostly MiB, disks and vendors MB), so the window shows both.</source>
        <translation>1 MiB = 2^20 = 1,048,576 字节；1 MB = 10^6 字节。两者都很常用（内存工具多用 MiB，硬盘和厂商多用 MB），所以窗口两者都显示。</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>None is the batch dimension (any number of samples); then height, width and channels.</source>
        <translation>None 是批次维度（样本数任意）；其后依次是高度、宽度和通道数。</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>How many input pixels one output sees, and how far apart neighbouring outputs are: 11 /4 is an 11×11 window, outputs 4 pixels apart. Where paths meet, the largest.</source>
        <translation>一个输出能看到多少个输入像素，以及相邻输出相隔多远：11 /4 表示 11×11 的窗口，输出之间相隔 4 个像素。多条路径汇合处取最大值。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The model built with every shape and count exact but no weight in memory: summaries of large models are fast and small. Save Weights builds the real weights.</source>
        <translation>构建出的模型每个形状和数量都准确，但内存中没有权重：大模型的摘要也又快又小。“保存权重”会构建真实的权重。</translation>
    </message>
    <message>
        <source>Summary cache</source>
        <translation>摘要缓存</translation>
    </message>
    <message>
        <source>Every summary built is kept on disk; a model seen before is shown at once, without TensorFlow.</source>
        <translation>每个构建过的摘要都保存在磁盘上；看过的模型会立即显示，无需 TensorFlow。</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;p&gt;In the graph: the wheel zooms at the cursor, dragging pans, a double click or Enter opens a folded box, Backspace folds the box around the selected layer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在结构图中：滚轮以光标为中心缩放，拖动可平移，双击或按 Enter 展开折叠的框，按 Backspace 折叠所选层所在的框。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Select a layer to see how its parameters, MACs and output size are computed.</source>
        <translation>选择一层，查看它的参数量、乘加运算 (MACs) 和输出大小是怎样算出来的。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>输入来自</translation>
    </message>
    <message>
        <source>Position of the layer in the model, in the order Keras calls it</source>
        <translation>该层在模型中的位置，按 Keras 调用各层的顺序</translation>
    </message>
    <message>
        <source>None is the batch dimension; a layer with several outputs lists each shape</source>
        <translation>None 是批次维度；有多个输出的层会列出每个输出的形状</translation>
    </message>
    <message>
        <source>All weights of the layer, trainable or not</source>
        <translation>该层的全部权重，包括可训练和不可训练的</translation>
    </message>
    <message>
        <source>Weights updated by training; the rest (e.g. BatchNormalization&apos;s moving mean and variance) are only updated by statistics or kept frozen</source>
        <translation>训练时更新的权重；其余权重（例如 BatchNormalization 的滑动均值和方差）只通过统计更新，或保持冻结</translation>
    </message>
    <message>
        <source>Multiply-accumulates for one sample; FLOPs ≈ 2 × MACs</source>
        <translation>单个样本的乘加运算次数；FLOPs ≈ 2 × MACs</translation>
    </message>
    <message>
        <source>How many input pixels each output sees, and how far apart neighbouring outputs are in input pixels: 11 /4 is an 11×11 window, outputs 4 pixels apart. Where paths meet, the largest over all paths. whole: every output sees the whole input</source>
        <translation>每个输出能看到多少个输入像素，以及相邻输出在输入上相隔多少像素：11 /4 表示 11×11 的窗口，输出之间相隔 4 个像素。多条路径汇合时，取所有路径中最大的值。全图：每个输出都能看到整个输入</translation>
    </message>
    <message>
        <source>The layers whose outputs feed this one</source>
        <translation>把输出传给这一层的那些层</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Not known: {type} (or a layer before it) moves positions in a way this program does not work out</source>
        <translation>未知：{type}（或它之前的某一层）改变位置的方式本程序无法推算</translation>
    </message>
    <message>
        <source>Every output sees the whole input (after Flatten or global pooling)</source>
        <translation>每个输出都能看到整个输入（在 Flatten 或全局池化之后）</translation>
    </message>
    <message>
        <source>Each output of {name} sees {size} input pixels; neighbouring outputs are {jump} pixel apart. Where paths meet, the largest over all paths.</source>
        <translation>{name} 的每个输出能看到 {size} 个输入像素；相邻输出相隔 {jump} 个像素。多条路径汇合时，取所有路径中最大的值。</translation>
    </message>
    <message>
        <source>Each output of {name} sees {size} input pixels; neighbouring outputs are {jump} pixels apart. Where paths meet, the largest over all paths.</source>
        <translation>{name} 的每个输出能看到 {size} 个输入像素；相邻输出相隔 {jump} 个像素。多条路径汇合时，取所有路径中最大的值。</translation>
    </message>
    <message>
        <source>{path}
{type}: one step of {layer}</source>
        <translation>{path}
{type}：{layer} 的一步</translation>
    </message>
    <message>
        <source>{path}
{type} nested model</source>
        <translation>{path}
{type} 嵌套模型</translation>
    </message>
    <message>
        <source>{path}
{type} layer</source>
        <translation>{path}
{type} 层</translation>
    </message>
    <message>
        <source>{count} activation elements per sample, {size} at float32</source>
        <translation>每个样本 {count} 个激活值元素，按 float32 计为 {size}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Filter layers by name or type (Ctrl+F)</source>
        <translation>按名称或类型筛选层 (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Lessons (*.lesson.json);;JSON (*.json)</source>
        <translation>课程 (*.lesson.json);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Save &amp;Lesson…</source>
        <translation>保存课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the model, pinned models, view and text size for a class</source>
        <translation>为课堂保存模型、已固定的模型、视图和字号</translation>
    </message>
    <message>
        <source>Open L&amp;esson…</source>
        <translation>打开课程(&amp;E)…</translation>
    </message>
    <message>
        <source>Open a lesson prepared with Save Lesson</source>
        <translation>打开用“保存课程”准备好的课程</translation>
    </message>
    <message>
        <source>Save Lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>{name}: cannot be read ({reason})</source>
        <translation>{name}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>Lesson open: {model}</source>
        <translation>课程已打开：{model}</translation>
    </message>
    <message>
        <source>Not pinned: {model}: {message}</source>
        <translation>未固定：{model}：{message}</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>mixed float16</source>
        <translation>混合 float16</translation>
    </message>
    <message>
        <source>mixed bfloat16</source>
        <translation>混合 bfloat16</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Samples per training step (the totals strip&apos;s batch size too)</source>
        <translation>每个训练步的样本数（也是下方合计栏的批大小）</translation>
    </message>
    <message>
        <source>Its slots per trainable weight, as Keras 3 makes them: SGD 0, with momentum 1, RMSprop 1, Adam and AdamW 2</source>
        <translation>每个可训练权重的槽变量数，与 Keras 3 一致：SGD 0，带动量 1，RMSprop 1，Adam 和 AdamW 2</translation>
    </message>
    <message>
        <source>Keras&apos;s policy: the mixed ones keep float32 weights and slots and halve the activations</source>
        <translation>Keras 的精度策略：混合精度保留 float32 的权重和槽变量，激活值减半</translation>
    </message>
    <message>
        <source>An estimate from the layers&apos; outputs: it leaves out the framework&apos;s workspace and allocator slack. Measure builds the model and trains {steps} steps on random data here, to check it.</source>
        <translation>根据各层输出的估计：不含框架的工作空间和分配器的余量。“测量”会在本机构建模型，并用随机数据训练 {steps} 步来核对它。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Build the real model and train {steps} steps at this batch size, optimizer and precision on {device}, in a process of its own; its peak memory is shown beside the estimate</source>
        <translation>在 {device} 上、单独的进程里构建真实模型，并以这个批大小、优化器和精度训练 {steps} 步；它的峰值内存显示在估计旁边</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The {count} layers that take the most:</source>
        <translation>占用最多的 {count} 层：</translation>
    </message>
    <message>
        <source>{model} at batch {batch}, {optimizer}, {precision}</source>
        <translation>{model}，批大小 {batch}，{optimizer}，{precision}</translation>
    </message>
    <message>
        <source>Measuring {what}: building, then training…</source>
        <translation>正在测量 {what}：先构建，再训练…</translation>
    </message>
    <message>
        <source>{what} on {device} ({backend}): measured {peak}, estimated {estimate} (estimate / measured {ratio}); {speed} samples/s.</source>
        <translation>{what}，在 {device}（{backend}）上：实测 {peak}，估计 {estimate}（估计 / 实测 {ratio}）；每秒 {speed} 个样本。</translation>
    </message>
    <message>
        <source>The process grew by {growth}; with TensorFlow&apos;s own memory ({runtime}) the estimate is {ratio} of it.</source>
        <translation>进程增长了 {growth}；加上 TensorFlow 自身的内存（{runtime}），估算值为其 {ratio} 倍。</translation>
    </message>
    <message>
        <source>The device is known once TensorFlow has loaded.</source>
        <translation>TensorFlow 加载完成后才能知道设备。</translation>
    </message>
    <message>
        <source>— batch {batch} does not fit.</source>
        <translation>— 批大小 {batch} 放不下。</translation>
    </message>
    <message>
        <source>One training step at batch {batch}: {total}. Predicting the same batch: {inference}.</source>
        <translation>批大小 {batch} 的一个训练步：{total}。对同一批做预测：{inference}。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>free RAM</source>
        <translation>空闲内存</translation>
    </message>
    <message>
        <source>One training step of {model}: {total}</source>
        <translation>{model} 的一个训练步：{total}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy Selected Layers</source>
        <translation>复制所选层(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>把所选行复制为以制表符分隔的文本</translation>
    </message>
    <message>
        <source>Find &amp;Layer…</source>
        <translation>查找层(&amp;L)…</translation>
    </message>
    <message>
        <source>Find &amp;Architecture…</source>
        <translation>查找架构(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reset Parameters to Defaults</source>
        <translation>参数恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Design</source>
        <translation>设计(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Layers or &amp;Graph</source>
        <translation>层表或结构图(&amp;G)</translation>
    </message>
    <message>
        <source>Switch between the layer table and the drawing of the model</source>
        <translation>在层表和模型结构图之间切换</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>配色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Reset &amp;Window Layout</source>
        <translation>重置窗口布局(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>What parameters, MACs, activations, MiB and the other numbers mean</source>
        <translation>参数、乘加运算 (MACs)、激活值、MiB 等数字的含义</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every command that has keys, from the menus</source>
        <translation>菜单中所有带快捷键的命令</translation>
    </message>
    <message>
        <source>&amp;About {title}</source>
        <translation>关于 {title}(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>x</source>
        <translation>×</translation>
    </message>
    <message>
        <source>image: height x width x channels</source>
        <translation>图像：高 x 宽 x 通道数</translation>
    </message>
    <message>
        <source>sequence: steps x features</source>
        <translation>序列：步数 x 特征数</translation>
    </message>
    <message>
        <source>token ids or a vector: steps</source>
        <translation>词元编号或向量：步数</translation>
    </message>
    <message>
        <source>Height: {low} to {high}</source>
        <translation>高度：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Width: {low} to {high}</source>
        <translation>宽度：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Channels: {low} to {high}</source>
        <translation>通道数：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Steps: {low} to {high}</source>
        <translation>步数：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Features: {low} to {high}</source>
        <translation>特征数：{low} 到 {high}</translation>
    </message>
    <message>
        <source>Side {number}: {low} to {high}</source>
        <translation>第 {number} 边：{low} 到 {high}</translation>
    </message>
    <message>
        <source>{help}
Allowed: {allowed}</source>
        <translation>{help}
允许的值：{allowed}</translation>
    </message>
    <message>
        <source>Nothing to set here: a design is changed in the Designer.</source>
        <translation>这里没有可设置的内容：设计要在设计器中修改。</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <source>Search architectures (Ctrl+K)</source>
        <translation>搜索架构 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Pick an architecture to read about it.</source>
        <translation>选择一个架构，查看它的介绍。</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>a file without a suffix</source>
        <translation>没有后缀的文件</translation>
    </message>
    <message>
        <source>cannot export a chart as {what}; use .png or .svg</source>
        <translation>无法将图表导出为 {what}；请使用 .png 或 .svg</translation>
    </message>
    <message>
        <source>Qt wrote an empty file</source>
        <translation>Qt 写出了空文件</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>The chart was not exported.

{error}</source>
        <translation>图表未导出。

{error}</translation>
    </message>
    <message>
        <source>Save the chosen chart as PNG or SVG</source>
        <translation>将所选图表保存为 PNG 或 SVG</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Designer</source>
        <translation>设计器</translation>
    </message>
    <message>
        <source>The design has changes that are not saved. Discard them?</source>
        <translation>设计有尚未保存的更改。要放弃这些更改吗？</translation>
    </message>
</context>
<context>
    <name>Recent</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>正在加载 TensorFlow…</translation>
    </message>
    <message>
        <source>Building the model in the background</source>
        <translation>正在后台构建模型</translation>
    </message>
    <message>
        <source>Built with weights loaded from {name}</source>
        <translation>已构建，权重加载自 {name}</translation>
    </message>
    <message>
        <source>From the summary cache (built before; no TensorFlow needed)</source>
        <translation>来自摘要缓存（之前构建过；无需 TensorFlow）</translation>
    </message>
    <message>
        <source>TensorFlow unavailable</source>
        <translation>TensorFlow 不可用</translation>
    </message>
    <message>
        <source>Building {model}…</source>
        <translation>正在构建 {model}…</translation>
    </message>
    <message>
        <source>Built in {seconds} s (preview, no weights allocated)</source>
        <translation>构建用时 {seconds} s（预览，未分配权重）</translation>
    </message>
    <message>
        <source>Build failed: the table shows the last valid model</source>
        <translation>构建失败：表格显示的是上一个有效模型</translation>
    </message>
    <message>
        <source>Restarting the Keras worker…</source>
        <translation>正在重新启动 Keras 后台进程…</translation>
    </message>
    <message>
        <source>The Keras worker stopped: the table shows the last model</source>
        <translation>Keras 后台进程已停止：表格显示的是上一个模型</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>Total parameters</source>
        <translation>总参数量</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs per sample</source>
        <translation>每个样本的乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Activations per sample</source>
        <translation>每个样本的激活值</translation>
    </message>
    <message>
        <source>Training memory</source>
        <translation>训练内存</translation>
    </message>
    <message>
        <source>Pick a parameter and a range, then Run Sweep.</source>
        <translation>选择一个参数和范围，然后点击“运行扫描”。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>The numeric parameter to sweep; the others stay as set</source>
        <translation>要扫描的数值参数；其他参数保持当前设置</translation>
    </message>
    <message>
        <source>Pinned models too</source>
        <translation>同时扫描已固定的模型</translation>
    </message>
    <message>
        <source>Sweep every pinned model that has this parameter as well</source>
        <translation>也扫描每个具有此参数的已固定模型</translation>
    </message>
    <message>
        <source>Run Sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>tokens (from {parameter})</source>
        <translation>词元数（由 {parameter} 得出）</translation>
    </message>
    <message>
        <source>{count} points</source>
        <translation>{count} 个点</translation>
    </message>
    <message>
        <source>Training memory ({optimizer}, {precision})</source>
        <translation>训练内存（{optimizer}，{precision}）</translation>
    </message>
    <message>
        <source>{model}: attention QKᵀ, AV</source>
        <translation>{model}：注意力 QKᵀ、AV</translation>
    </message>
    <message>
        <source>Sweeping {parameter}…</source>
        <translation>正在扫描{parameter}…</translation>
    </message>
    <message>
        <source>Sweeping {parameter}… (skipped, no {name}: {models})</source>
        <translation>正在扫描{parameter}…（已跳过没有 {name} 的模型：{models}）</translation>
    </message>
    <message>
        <source>The sweep stopped: {message}</source>
        <translation>扫描已停止：{message}</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {total} points.</source>
        <translation>已取消：完成了 {total} 个点中的 {done} 个。</translation>
    </message>
    <message>
        <source>Done: {done} points.</source>
        <translation>完成：{done} 个点。</translation>
    </message>
    <message>
        <source>{count} could not be built (see the table).</source>
        <translation>其中 {count} 个无法构建（见表格）。</translation>
    </message>
</context>
<context>
    <name>TextFiles</name>
    <message>
        <source>The {what} was not exported.

{error}</source>
        <translation>{what}未能导出。

{error}</translation>
    </message>
</context>
<context>
    <name>TextTable</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>{name}: choose a .csv or .md file name</source>
        <translation>{name}：请选择 .csv 或 .md 文件名</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
</context>
<context>
    <name>Totals</name>
    <message>
        <source>MiB = 2^20 bytes, MB = 10^6 bytes: both are in use, so both are shown.</source>
        <translation>MiB = 2^20 字节，MB = 10^6 字节：两种单位都常用，所以都显示。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>All weights of the model</source>
        <translation>模型的全部权重</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>Weights that training updates</source>
        <translation>训练时会更新的权重</translation>
    </message>
    <message>
        <source>Non-trainable</source>
        <translation>不可训练</translation>
    </message>
    <message>
        <source>Weights kept by statistics or frozen</source>
        <translation>通过统计更新或被冻结的权重</translation>
    </message>
    <message>
        <source>Weights memory</source>
        <translation>权重内存</translation>
    </message>
    <message>
        <source>MACs per sample</source>
        <translation>每样本乘加运算 (MACs)</translation>
    </message>
    <message>
        <source>Multiply-accumulates for one sample</source>
        <translation>单个样本的乘加运算次数</translation>
    </message>
    <message>
        <source>FLOPs (2 × MACs)</source>
        <translation>浮点运算 (FLOPs = 2 × MACs)</translation>
    </message>
    <message>
        <source>Each multiply-accumulate counts as two floating-point ops</source>
        <translation>每次乘加运算计为两次浮点运算</translation>
    </message>
    <message>
        <source>Activations per sample</source>
        <translation>每样本激活值</translation>
    </message>
    <message>
        <source>Every layer output kept at once, float32 ({bytes} bytes). {units}</source>
        <translation>同时保存所有层的输出，float32（每个 {bytes} 字节）。{units}</translation>
    </message>
    <message>
        <source>Batch activations</source>
        <translation>整批激活值</translation>
    </message>
    <message>
        <source>Every layer&apos;s output for the batch size below (the spin box), at float32. Training keeps only some of them: the Memory view counts what it keeps, at the chosen precision. {units}</source>
        <translation>下方批大小（微调框）下每一层的输出，按 float32 计。训练只保留其中一部分：“内存”视图按所选精度计算它保留的部分。{units}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Samples per step; only the batch activations depend on it</source>
        <translation>每一步的样本数；只有整批激活值取决于它</translation>
    </message>
    <message>
        <source>The totals in short; widen the window or make the text smaller (Ctrl+-) for every figure in full</source>
        <translation>合计的简要形式；加宽窗口或调小字号 (Ctrl+-) 即可看到完整数字</translation>
    </message>
    <message>
        <source>{params} parameters ({non_trainable} non-trainable) · weights {weights} · {macs} MACs · activations {activations} per sample, {batch} for the batch</source>
        <translation>参数量 {params}（不可训练 {non_trainable}）· 权重 {weights} · {macs} MACs · 激活值每样本 {activations}，整批 {batch}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The run was cancelled.</source>
        <translation>运行已取消。</translation>
    </message>
    <message>
        <source>The run stopped without a result (exit {code}): the model may not fit in memory at this batch size.</source>
        <translation>运行结束但没有结果（退出码 {code}）：在这个批大小下，模型可能放不进内存。</translation>
    </message>
</context>
<context>
    <name>WeightsReport</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model expects</source>
        <translation>模型需要</translation>
    </message>
    <message>
        <source>One shape per weight array (kernel, bias, ...) the model&apos;s layer holds</source>
        <translation>模型这一层所含每个权重数组（kernel、bias 等）的形状</translation>
    </message>
    <message>
        <source>File has</source>
        <translation>文件包含</translation>
    </message>
    <message>
        <source>One shape per weight array stored in the file for this layer</source>
        <translation>文件中为这一层存储的每个权重数组的形状</translation>
    </message>
    <message>
        <source>File layer</source>
        <translation>文件中的层</translation>
    </message>
    <message>
        <source>Legacy .h5 files are paired by position, so this name may differ from Layer</source>
        <translation>旧格式 .h5 文件按位置配对，所以这个名称可能与“层”列不同</translation>
    </message>
    <message>
        <source>the current architecture</source>
        <translation>当前架构</translation>
    </message>
    <message>
        <source>Weights Compatibility — {name}</source>
        <translation>权重兼容性 — {name}</translation>
    </message>
    <message>
        <source>✔ {name} fits {architecture} completely</source>
        <translation>✔ {name} 与 {architecture} 完全匹配</translation>
    </message>
    <message>
        <source>Load into a fresh model; the model on screen is replaced only if this succeeds</source>
        <translation>加载到一个新模型中；只有加载成功才会替换屏幕上的模型</translation>
    </message>
    <message>
        <source>✘ {name} does not fit {architecture} — nothing will be loaded</source>
        <translation>✘ {name} 与 {architecture} 不匹配 — 不会加载任何内容</translation>
    </message>
    <message>
        <source>Not offered: the file does not fit this architecture</source>
        <translation>不可用：该文件与此架构不匹配</translation>
    </message>
    <message>
        <source>Show only layers that do not match</source>
        <translation>只显示不匹配的层</translation>
    </message>
    <message>
        <source>Load Weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Copy the verdict and the layers that do not match as text</source>
        <translation>以文本形式复制结论和不匹配的层</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Architectures</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>设计器</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Every layer&apos;s shape, parameters and cost</source>
        <translation>每一层的形状、参数和计算量</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>结构图</translation>
    </message>
    <message>
        <source>The model drawn, folded by stage or block</source>
        <translation>模型结构图，可按阶段或块折叠</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Parameters and cost layer by layer</source>
        <translation>逐层的参数和计算量</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Pinned models side by side</source>
        <translation>已固定的模型并排比较</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Totals as one parameter changes</source>
        <translation>一个参数变化时的合计</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Training memory by batch size, optimizer and precision</source>
        <translation>按批大小、优化器和精度估计的训练内存</translation>
    </message>
    <message>
        <source>&amp;Pin for Comparison</source>
        <translation>固定以便比较(&amp;P)</translation>
    </message>
    <message>
        <source>Keep this model in the Compare panel while you look at others</source>
        <translation>查看其他模型时，把此模型保留在比较视图中</translation>
    </message>
    <message>
        <source>&amp;Totals</source>
        <translation>合计(&amp;T)</translation>
    </message>
    <message>
        <source>The strip of totals under the views</source>
        <translation>视图下方的合计栏</translation>
    </message>
    <message>
        <source>Check {param}: the table shows the last valid model</source>
        <translation>请检查 {param}：表中显示的是上一个有效的模型</translation>
    </message>
    <message>
        <source>Building {model}…</source>
        <translation>正在构建 {model}…</translation>
    </message>
    <message>
        <source>Pinned: pick another model and pin it too to compare (Ctrl+4)</source>
        <translation>已固定：再选一个模型并固定它，即可比较 (Ctrl+4)</translation>
    </message>
    <message>
        <source>{message} It was building {model}.</source>
        <translation>{message} 当时正在构建 {model}。</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>Make every text in the window larger (zooms the graph while it has focus)</source>
        <translation>放大窗口中的所有文字（结构图有焦点时缩放结构图）</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>Make every text smaller (zooms the graph out while it has focus)</source>
        <translation>缩小所有文字（结构图有焦点时缩小结构图）</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>正常字号(&amp;N)</translation>
    </message>
    <message>
        <source>Text at the system&apos;s size (fits the graph while it has focus)</source>
        <translation>文字恢复系统字号（结构图有焦点时使结构图适应窗口）</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large type, for a projector (F11 again to leave)</source>
        <translation>全屏、大字号，适合投影仪（再按 F11 退出）</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;System Colours</source>
        <translation>系统配色(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Loading TensorFlow… the first table appears in a few seconds.</source>
        <translation>正在加载 TensorFlow… 几秒钟后显示第一张表。</translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; weights from &lt;code&gt;{file}&lt;/code&gt;</source>
        <translation> &amp;nbsp;·&amp;nbsp; 权重来自 &lt;code&gt;{file}&lt;/code&gt;</translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; {count} layers</source>
        <translation> &amp;nbsp;·&amp;nbsp; {count} 层</translation>
    </message>
    <message>
        <source>Text at {percent} %</source>
        <translation>文字大小 {percent} %</translation>
    </message>
    <message>
        <source>Not pinned again from last time: {names} (unsaved designs, or files moved or deleted)</source>
        <translation>上次固定的以下模型未能恢复：{names}（未保存的设计，或已移动、删除的文件）</translation>
    </message>
</context>
<context>
    <name>WorkerClient</name>
    <message>
        <source>The Keras worker did not answer for {seconds} s and was restarted.</source>
        <translation>Keras 后台进程 {seconds} 秒未响应，已重新启动。</translation>
    </message>
    <message>
        <source>The Keras worker stopped unexpectedly (exit code {code}); restarting it.</source>
        <translation>Keras 后台进程意外停止（退出码 {code}）；正在重新启动。</translation>
    </message>
</context>
</TS>
