<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnimationDialog</name>
    <message>
        <source>Running the scene…</source>
        <translation>正在运行场景…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Settings are kept for this session only: %1</source>
        <translation>设置仅在本次会话中保留：%1</translation>
    </message>
</context>
<context>
    <name>BasinMap</name>
    <message>
        <source>no minimum within tolerance</source>
        <translation>容差内无极小值</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>stochastic gradient descent, optional (Nesterov) momentum</source>
        <translation>随机梯度下降，可选（Nesterov）动量</translation>
    </message>
    <message>
        <source>learning rate: how far each step moves</source>
        <translation>学习率：每一步移动多远</translation>
    </message>
    <message>
        <source>fraction of the previous velocity kept each step</source>
        <translation>每一步保留的上一步速度的比例</translation>
    </message>
    <message>
        <source>fraction of the new gradient left out of the velocity</source>
        <translation>新梯度中不计入速度的比例</translation>
    </message>
    <message>
        <source>look ahead: step along the gradient plus momentum times the velocity</source>
        <translation>向前看：沿梯度加上动量乘以速度的方向迈步</translation>
    </message>
    <message>
        <source>L2 penalty: adds weight_decay·θ to the gradient</source>
        <translation>L2 惩罚：在梯度上加 weight_decay·θ</translation>
    </message>
    <message>
        <source>plain gradient descent: θ ← θ − lr·∇f</source>
        <translation>普通梯度下降：θ ← θ − lr·∇f</translation>
    </message>
    <message>
        <source>heavy-ball momentum: a velocity that remembers past gradients</source>
        <translation>重球动量：记住过去梯度的速度</translation>
    </message>
    <message>
        <source>Nesterov momentum: the gradient taken a step ahead</source>
        <translation>Nesterov 动量：在前方一步处取梯度</translation>
    </message>
    <message>
        <source>per-coordinate steps shrinking with the sum of squared gradients</source>
        <translation>逐坐标步长，随梯度平方和增大而缩小</translation>
    </message>
    <message>
        <source>learning-rate decay: lr / (1 + (t − 1)·lr_decay)</source>
        <translation>学习率衰减：lr / (1 + (t − 1)·lr_decay)</translation>
    </message>
    <message>
        <source>starting value of the sum of squared gradients</source>
        <translation>梯度平方和的初始值</translation>
    </message>
    <message>
        <source>added to the denominator so it never divides by zero</source>
        <translation>加到分母上，避免除以零</translation>
    </message>
    <message>
        <source>per-coordinate steps scaled by a running RMS of gradients</source>
        <translation>逐坐标步长，按梯度的滑动均方根缩放</translation>
    </message>
    <message>
        <source>decay of the running mean of squared gradients</source>
        <translation>梯度平方滑动平均的衰减率</translation>
    </message>
    <message>
        <source>momentum applied to the scaled step</source>
        <translation>作用于缩放后步长的动量</translation>
    </message>
    <message>
        <source>divide by the variance of the gradient instead of its raw second moment</source>
        <translation>除以梯度的方差，而不是其原始二阶矩</translation>
    </message>
    <message>
        <source>steps in units of past steps: no learning rate to tune</source>
        <translation>以过去步长为单位迈步：无需调学习率</translation>
    </message>
    <message>
        <source>decay of the running means of squared gradients and squared steps</source>
        <translation>梯度平方与步长平方滑动平均的衰减率</translation>
    </message>
    <message>
        <source>momentum plus RMS scaling, with bias correction</source>
        <translation>动量加均方根缩放，带偏差校正</translation>
    </message>
    <message>
        <source>decay of the running mean of gradients (1st moment)</source>
        <translation>梯度滑动平均（一阶矩）的衰减率</translation>
    </message>
    <message>
        <source>decay of the running mean of squared gradients (2nd moment)</source>
        <translation>梯度平方滑动平均（二阶矩）的衰减率</translation>
    </message>
    <message>
        <source>use the maximum of past second moments (AMSGrad)</source>
        <translation>使用历史二阶矩的最大值（AMSGrad）</translation>
    </message>
    <message>
        <source>divide the moments by 1 − βᵗ so early steps are not too small</source>
        <translation>将矩除以 1 − βᵗ，使早期步长不致过小</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay</source>
        <translation>带解耦权重衰减的 Adam</translation>
    </message>
    <message>
        <source>decoupled weight decay: θ shrinks by lr·weight_decay·θ each step</source>
        <translation>解耦权重衰减：每一步 θ 缩小 lr·weight_decay·θ</translation>
    </message>
    <message>
        <source>Adam with the infinity norm in place of the RMS</source>
        <translation>用无穷范数代替均方根的 Adam</translation>
    </message>
    <message>
        <source>Adam with Nesterov momentum</source>
        <translation>带 Nesterov 动量的 Adam</translation>
    </message>
    <message>
        <source>ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ))</source>
        <translation>动量调度 μₜ = β₁(1 − ½·0.96^(tψ)) 中的 ψ</translation>
    </message>
    <message>
        <source>Adam whose adaptive step is rectified while its variance is large</source>
        <translation>方差较大时对自适应步长进行修正的 Adam</translation>
    </message>
    <message>
        <source>sign-based steps that grow while the sign holds</source>
        <translation>基于符号的步长，符号不变时步长增大</translation>
    </message>
    <message>
        <source>initial step size of every coordinate</source>
        <translation>每个坐标的初始步长</translation>
    </message>
    <message>
        <source>step-size factor when the gradient&apos;s sign flips</source>
        <translation>梯度符号翻转时的步长因子</translation>
    </message>
    <message>
        <source>step-size factor while the gradient&apos;s sign holds</source>
        <translation>梯度符号不变时的步长因子</translation>
    </message>
    <message>
        <source>smallest step size</source>
        <translation>最小步长</translation>
    </message>
    <message>
        <source>largest step size</source>
        <translation>最大步长</translation>
    </message>
    <message>
        <source>quasi-hyperbolic momentum: a mix of SGD and momentum</source>
        <translation>拟双曲动量：SGD 与动量的混合</translation>
    </message>
    <message>
        <source>decay of the momentum buffer (β)</source>
        <translation>动量缓冲的衰减率（β）</translation>
    </message>
    <message>
        <source>weight of momentum against the plain gradient (0: SGD, 1: momentum)</source>
        <translation>动量相对于普通梯度的权重（0：SGD，1：动量）</translation>
    </message>
    <message>
        <source>quasi-hyperbolic Adam</source>
        <translation>拟双曲 Adam</translation>
    </message>
    <message>
        <source>weight of the first moment against the plain gradient</source>
        <translation>一阶矩相对于普通梯度的权重</translation>
    </message>
    <message>
        <source>weight of the second moment against the squared gradient</source>
        <translation>二阶矩相对于梯度平方的权重</translation>
    </message>
    <message>
        <source>saddle-free Newton: x − lr·|H|⁻¹g, downhill even where H is indefinite</source>
        <translation>无鞍点牛顿法：x − lr·|H|⁻¹g，即使 H 不定也向下走</translation>
    </message>
    <message>
        <source>learning rate: the fraction of the Newton step taken (1 = full step)</source>
        <translation>学习率：所取牛顿步的比例（1 = 完整一步）</translation>
    </message>
    <message>
        <source>quasi-Newton: a dense inverse-Hessian estimate, strong-Wolfe line search</source>
        <translation>拟牛顿法：稠密的逆 Hessian 估计，强 Wolfe 线搜索</translation>
    </message>
    <message>
        <source>step length tried first along the direction (the fixed step without line search)</source>
        <translation>沿方向首先尝试的步长（无线搜索时为固定步长）</translation>
    </message>
    <message>
        <source>choose each step length by a strong-Wolfe line search (off: the fixed step lr)</source>
        <translation>用强 Wolfe 线搜索选择每一步的步长（关闭：固定步长 lr）</translation>
    </message>
    <message>
        <source>no move once the largest gradient component is at most this</source>
        <translation>梯度最大分量不超过此值时不再移动</translation>
    </message>
    <message>
        <source>no move once the slope along the direction is above −this; the line search&apos;s finest bracket</source>
        <translation>沿方向的斜率大于 −此值时不再移动；线搜索的最小区间</translation>
    </message>
    <message>
        <source>limited-memory BFGS with a strong-Wolfe line search, as torch.optim.LBFGS</source>
        <translation>带强 Wolfe 线搜索的有限内存 BFGS，同 torch.optim.LBFGS</translation>
    </message>
    <message>
        <source>how many recent steps and gradient changes shape the curvature estimate</source>
        <translation>用多少个最近的步长与梯度变化来估计曲率</translation>
    </message>
    <message>
        <source>lr every step (no schedule)</source>
        <translation>每一步都用 lr（无调度）</translation>
    </message>
    <message>
        <source>lr·gamma^floor(k/step_size): drops by gamma every step_size steps (StepLR)</source>
        <translation>lr·gamma^floor(k/step_size)：每 step_size 步乘以 gamma（StepLR）</translation>
    </message>
    <message>
        <source>steps between two drops</source>
        <translation>两次下降之间的步数</translation>
    </message>
    <message>
        <source>factor of each drop</source>
        <translation>每次下降的因子</translation>
    </message>
    <message>
        <source>steps of linear warm-up before the schedule starts (0: none)</source>
        <translation>调度开始前线性预热的步数（0：无）</translation>
    </message>
    <message>
        <source>the warm-up&apos;s first lr as a fraction of lr</source>
        <translation>预热的初始学习率占 lr 的比例</translation>
    </message>
    <message>
        <source>lr·gamma^k: shrinks by gamma every step (ExponentialLR)</source>
        <translation>lr·gamma^k：每一步乘以 gamma（ExponentialLR）</translation>
    </message>
    <message>
        <source>factor applied every step</source>
        <translation>每一步乘上的因子</translation>
    </message>
    <message>
        <source>eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2: half a cosine from lr to eta_min (CosineAnnealingLR)</source>
        <translation>eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2：从 lr 到 eta_min 的半个余弦（CosineAnnealingLR）</translation>
    </message>
    <message>
        <source>steps from lr down to eta_min (after that it rises again)</source>
        <translation>从 lr 降到 eta_min 的步数（之后再次上升）</translation>
    </message>
    <message>
        <source>the smallest learning rate, reached at step T_max</source>
        <translation>最小学习率，在第 T_max 步达到</translation>
    </message>
    <message>
        <source>lr·(start_factor + (1 − start_factor)·k/warmup) for k &lt; warmup, then lr (LinearLR)</source>
        <translation>k &lt; warmup 时为 lr·(start_factor + (1 − start_factor)·k/warmup)，之后为 lr（LinearLR）</translation>
    </message>
    <message>
        <source>steps of linear warm-up from start_factor·lr to lr</source>
        <translation>从 start_factor·lr 线性预热到 lr 的步数</translation>
    </message>
    <message>
        <source>position of the minimum (a, a²)</source>
        <translation>极小值的位置 (a, a²)</translation>
    </message>
    <message>
        <source>steepness of the valley walls</source>
        <translation>山谷两壁的陡峭程度</translation>
    </message>
    <message>
        <source>curvature along the rotated u axis</source>
        <translation>沿旋转后 u 轴的曲率</translation>
    </message>
    <message>
        <source>curvature along the rotated v axis</source>
        <translation>沿旋转后 v 轴的曲率</translation>
    </message>
    <message>
        <source>rotation of the bowl&apos;s axes, in degrees</source>
        <translation>碗的坐标轴旋转角度（度）</translation>
    </message>
    <message>
        <source>x of the minimum</source>
        <translation>极小值的 x</translation>
    </message>
    <message>
        <source>y of the minimum</source>
        <translation>极小值的 y</translation>
    </message>
    <message>
        <source>upward curvature along x</source>
        <translation>沿 x 方向向上的曲率</translation>
    </message>
    <message>
        <source>downward curvature along y</source>
        <translation>沿 y 方向向下的曲率</translation>
    </message>
    <message>
        <source>mean squared error of the line ŷ = w·t + b on seeded data y = slope·t + intercept + noise·N(0, 1), t ∈ [−1, 1]; x is w, y is b</source>
        <translation>直线 ŷ = w·t + b 在固定种子数据 y = slope·t + intercept + noise·N(0, 1)（t ∈ [−1, 1]）上的均方误差；x 为 w，y 为 b</translation>
    </message>
    <message>
        <source>number of data points</source>
        <translation>数据点个数</translation>
    </message>
    <message>
        <source>slope of the true line</source>
        <translation>真实直线的斜率</translation>
    </message>
    <message>
        <source>intercept of the true line</source>
        <translation>真实直线的截距</translation>
    </message>
    <message>
        <source>standard deviation of the noise on y</source>
        <translation>y 上噪声的标准差</translation>
    </message>
    <message>
        <source>seed of the data set</source>
        <translation>数据集的随机种子</translation>
    </message>
    <message>
        <source>mean squared error of the network ŷ = w₂·tanh(w₁·t) on seeded data y = 2 tanh(1.5 t) + noise·N(0, 1), t ∈ [−2, 2]; x is w₁, y is w₂</source>
        <translation>网络 ŷ = w₂·tanh(w₁·t) 在固定种子数据 y = 2 tanh(1.5 t) + noise·N(0, 1)（t ∈ [−2, 2]）上的均方误差；x 为 w₁，y 为 w₂</translation>
    </message>
    <message>
        <source>amplitude of the cosine ripples (0: a plain bowl)</source>
        <translation>余弦波纹的振幅（0：普通的碗）</translation>
    </message>
    <message>
        <source>depth of the central funnel</source>
        <translation>中央漏斗的深度</translation>
    </message>
    <message>
        <source>how fast the funnel flattens out</source>
        <translation>漏斗变平的快慢</translation>
    </message>
    <message>
        <source>angular frequency of the ripples</source>
        <translation>波纹的角频率</translation>
    </message>
    <message>
        <source>two interleaved half circles (sklearn&apos;s make_moons, centred): (cos s - 0.5, sin s - 0.25) and (0.5 - cos s, 0.25 - sin s), s in [0, pi]</source>
        <translation>两个交错的半圆（sklearn 的 make_moons，已居中）：(cos s - 0.5, sin s - 0.25) 与 (0.5 - cos s, 0.25 - sin s)，s ∈ [0, pi]</translation>
    </message>
    <message>
        <source>number of samples, training and test together</source>
        <translation>样本数，训练集与测试集合计</translation>
    </message>
    <message>
        <source>standard deviation of the Gaussian noise</source>
        <translation>高斯噪声的标准差</translation>
    </message>
    <message>
        <source>fraction of the samples held out as the test set</source>
        <translation>留作测试集的样本比例</translation>
    </message>
    <message>
        <source>seed of the samples and of the split</source>
        <translation>样本与划分的随机种子</translation>
    </message>
    <message>
        <source>two concentric circles, class 0 of radius 1 and class 1 of radius 0.5</source>
        <translation>两个同心圆，类别 0 半径为 1，类别 1 半径为 0.5</translation>
    </message>
    <message>
        <source>uniform in [-1, 1]^2, class 1 in the quadrants where x*y &lt; 0</source>
        <translation>在 [-1, 1]^2 上均匀分布，x*y &lt; 0 的象限为类别 1</translation>
    </message>
    <message>
        <source>interleaved spiral arms, one per class c of k: radius t, angle 2 pi (c/k + 1.5 t), t in [0, 1]</source>
        <translation>交错的螺旋臂，k 个类别中每类 c 一条：半径 t，角度 2 pi (c/k + 1.5 t)，t ∈ [0, 1]</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Gaussian blobs of std noise around k points evenly on the unit circle</source>
        <translation>围绕单位圆上均匀分布的 k 个点、标准差为 noise 的高斯团</translation>
    </message>
    <message>
        <source>y = 3t + 2 + noise, t uniform in [-1, 1] (the data of the linreg surface)</source>
        <translation>y = 3t + 2 + 噪声，t 在 [-1, 1] 上均匀分布（linreg 曲面的数据）</translation>
    </message>
    <message>
        <source>y = sin(pi t) + noise, t uniform in [-1, 1]</source>
        <translation>y = sin(pi t) + 噪声，t 在 [-1, 1] 上均匀分布</translation>
    </message>
    <message>
        <source>tanh z (Xavier initialisation)</source>
        <translation>tanh z（Xavier 初始化）</translation>
    </message>
    <message>
        <source>max(0, z) (He initialisation)</source>
        <translation>max(0, z)（He 初始化）</translation>
    </message>
    <message>
        <source>max(0.01 z, z) (He initialisation)</source>
        <translation>max(0.01 z, z)（He 初始化）</translation>
    </message>
    <message>
        <source>1 / (1 + e^-z) (Xavier initialisation)</source>
        <translation>1 / (1 + e^-z)（Xavier 初始化）</translation>
    </message>
    <message>
        <source>z (no hidden non-linearity: the network stays linear)</source>
        <translation>z（隐藏层无非线性：网络保持线性）</translation>
    </message>
    <message>
        <source>mean squared error, mean of (z - y)^2 over outputs and samples</source>
        <translation>均方误差，(z - y)^2 在输出与样本上的平均</translation>
    </message>
    <message>
        <source>binary cross-entropy with logits, one sigmoid output per class (one output for two classes)</source>
        <translation>带 logits 的二元交叉熵，每类一个 sigmoid 输出（两类时一个输出）</translation>
    </message>
    <message>
        <source>softmax cross-entropy, one output (logit) per class</source>
        <translation>softmax 交叉熵，每类一个输出（logit）</translation>
    </message>
    <message>
        <source>½ (a u² + b v²), (u, v) = (x − cx, y − cy) rotated by −angle degrees</source>
        <translation>½ (a u² + b v²)，(u, v) = (x − cx, y − cy) 旋转 −angle 度</translation>
    </message>
    <message>
        <source>integer in %1</source>
        <translation>整数，范围 %1</translation>
    </message>
    <message>
        <source>standard deviation σ of Gaussian noise added to every gradient component, the same for every optimizer (0 = exact gradients)</source>
        <translation>加到每个梯度分量上的高斯噪声的标准差 σ，所有优化器相同（0 = 精确梯度）</translation>
    </message>
    <message>
        <source>a gradient longer than this is scaled down to this length before the optimizer sees it (0 = no clipping)</source>
        <translation>长度超过此值的梯度在交给优化器之前被缩放到此长度（0 = 不裁剪）</translation>
    </message>
    <message>
        <source>seed of the gradient noise and of the mini-batch shuffles: the same seed gives the same run</source>
        <translation>梯度噪声和小批量打乱的随机种子：相同的种子得到相同的运行</translation>
    </message>
    <message>
        <source>data points per gradient step on the data surfaces (linreg, tinynet), drawn without replacement each epoch; 0 = all of them (full batch)</source>
        <translation>数据曲面（linreg、tinynet）上每个梯度步使用的数据点数，每轮无放回抽取；0 = 全部（全批量）</translation>
    </message>
    <message>
        <source>a formula in x and y typed with --expr: + - * / ^ ( ), numbers, pi, e, sin cos tan exp log sqrt abs tanh sinh cosh atan; in the window, first sin(x)*cos(y) + 0.1*(x^2 + y^2)</source>
        <translation>用 --expr 输入的关于 x 和 y 的公式：+ - * / ^ ( )、数字、pi、e、sin cos tan exp log sqrt abs tanh sinh cosh atan；在窗口中初始为 sin(x)*cos(y) + 0.1*(x^2 + y^2)</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The scene “%1” has edits that are not saved.</source>
        <translation>场景“%1”有尚未保存的修改。</translation>
    </message>
    <message>
        <source>(Discarded edits come back with Edit ▸ Undo.)</source>
        <translation>（放弃的修改可通过 编辑 ▸ 撤销 找回。）</translation>
    </message>
</context>
<context>
    <name>InspectorArrows</name>
    <message>
        <source>%1: to scale</source>
        <translation>%1：按实际比例</translation>
    </message>
    <message>
        <source>%1: direction; length ×%2</source>
        <translation>%1：仅表示方向；长度 ×%2</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Look at:</source>
        <translation>观察：</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>试试：</translation>
    </message>
</context>
<context>
    <name>NetworkSimulation</name>
    <message>
        <source>%1 · %2 parameters · loss %3</source>
        <translation>%1 · %2 个参数 · 损失 %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source> (sgd with other defaults)</source>
        <translation>（默认值不同的 sgd）</translation>
    </message>
    <message>
        <source> — uses the exact Hessian</source>
        <translation> —— 使用精确的 Hessian 矩阵</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: choose a .csv or .json file name</source>
        <translation>“%1”：请选择 .csv 或 .json 文件名</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation type="vanished">无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>RuleTypesetter</name>
    <message>
        <source>Now, at step t = %1:</source>
        <translation>现在，在第 t = %1 步：</translation>
    </message>
    <message>
        <source>stop if max|g&lt;sub&gt;t&lt;/sub&gt;| ≤ %1</source>
        <translation>若 max|g&lt;sub&gt;t&lt;/sub&gt;| ≤ %1 则停止</translation>
    </message>
    <message>
        <source>d = −H·g&lt;sub&gt;t&lt;/sub&gt; by the two-loop recursion over the last %1 pairs (s, y) with y&lt;sup&gt;T&lt;/sup&gt;s &amp;gt; 10&lt;sup&gt;−10&lt;/sup&gt;</source>
        <translation>d = −H·g&lt;sub&gt;t&lt;/sub&gt;，对最近 %1 对满足 y&lt;sup&gt;T&lt;/sup&gt;s &amp;gt; 10&lt;sup&gt;−10&lt;/sup&gt; 的 (s, y) 做双循环递推</translation>
    </message>
    <message>
        <source>if y&lt;sup&gt;T&lt;/sup&gt;s &amp;gt; 10&lt;sup&gt;−10&lt;/sup&gt;: H ← (I − ρsy&lt;sup&gt;T&lt;/sup&gt;)·H·(I − ρys&lt;sup&gt;T&lt;/sup&gt;) + ρss&lt;sup&gt;T&lt;/sup&gt;</source>
        <translation>若 y&lt;sup&gt;T&lt;/sup&gt;s &amp;gt; 10&lt;sup&gt;−10&lt;/sup&gt;：H ← (I − ρsy&lt;sup&gt;T&lt;/sup&gt;)·H·(I − ρys&lt;sup&gt;T&lt;/sup&gt;) + ρss&lt;sup&gt;T&lt;/sup&gt;</translation>
    </message>
    <message>
        <source>t: strong-Wolfe line search from t = %1 (c&lt;sub&gt;1&lt;/sub&gt; = 10&lt;sup&gt;−4&lt;/sup&gt;, c&lt;sub&gt;2&lt;/sub&gt; = 0.9)</source>
        <translation>t：从 t = %1 开始的强 Wolfe 线搜索（c&lt;sub&gt;1&lt;/sub&gt; = 10&lt;sup&gt;−4&lt;/sup&gt;，c&lt;sub&gt;2&lt;/sub&gt; = 0.9）</translation>
    </message>
    <message>
        <source>t = %1 (first step: %1·min(1, 1/‖g‖&lt;sub&gt;1&lt;/sub&gt;))</source>
        <translation>t = %1（第一步：%1·min(1, 1/‖g‖&lt;sub&gt;1&lt;/sub&gt;)）</translation>
    </message>
</context>
<context>
    <name>SafeFile</name>
    <message>
        <source>nothing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>a regular file</source>
        <translation>普通文件</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>it is a symbolic link to &apos;%1&apos;, which is %2, not a regular file</source>
        <translation>它是指向“%1”的符号链接，而那是%2，不是普通文件</translation>
    </message>
    <message>
        <source>it is %1, not a regular file</source>
        <translation>它是%1，不是普通文件</translation>
    </message>
    <message>
        <source>the folder &apos;%1&apos; does not exist</source>
        <translation>文件夹“%1”不存在</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2, not a folder</source>
        <translation>“%1”是%2，不是文件夹</translation>
    </message>
    <message>
        <source>%1 (creating a file in &apos;%2&apos;)</source>
        <translation>%1（在“%2”中创建文件时）</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: a file is written once, from the start</source>
        <translation>无法写入“%1”：文件只能从头写入一次</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the file is not open</source>
        <translation>无法写入“%1”：文件未打开</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Linear warm-up</source>
        <translation>线性预热</translation>
    </message>
</context>
<context>
    <name>StageCaption</name>
    <message>
        <source>The gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Decoupled weight decay</source>
        <translation>解耦权重衰减</translation>
    </message>
    <message>
        <source>The velocity decays</source>
        <translation>速度衰减</translation>
    </message>
    <message>
        <source>The first moment decays</source>
        <translation>一阶矩衰减</translation>
    </message>
    <message>
        <source>The new gradient joins the velocity</source>
        <translation>新梯度并入速度</translation>
    </message>
    <message>
        <source>The new gradient joins the first moment</source>
        <translation>新梯度并入一阶矩</translation>
    </message>
    <message>
        <source>Nesterov look-ahead</source>
        <translation>Nesterov 前瞻</translation>
    </message>
    <message>
        <source>Per-coordinate size of the gradient</source>
        <translation>逐坐标的梯度大小</translation>
    </message>
    <message>
        <source>Bias correction</source>
        <translation>偏差校正</translation>
    </message>
    <message>
        <source>Per-coordinate scaling</source>
        <translation>逐坐标缩放</translation>
    </message>
    <message>
        <source>Quasi-hyperbolic mix</source>
        <translation>拟双曲混合</translation>
    </message>
    <message>
        <source>Step sizes from the signs</source>
        <translation>由符号决定的步长</translation>
    </message>
    <message>
        <source>Curvature</source>
        <translation>曲率</translation>
    </message>
    <message>
        <source>Newton direction</source>
        <translation>牛顿方向</translation>
    </message>
    <message>
        <source>Quasi-Newton direction</source>
        <translation>拟牛顿方向</translation>
    </message>
    <message>
        <source>Step length along the direction</source>
        <translation>沿方向的步长</translation>
    </message>
    <message>
        <source>The move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>−sign(g)·s</source>
        <translation>−sign(g)·s</translation>
    </message>
    <message>
        <source>−lr·g</source>
        <translation>−lr·g</translation>
    </message>
    <message>
        <source>−lr·λ·θ</source>
        <translation>−lr·λ·θ</translation>
    </message>
    <message>
        <source>−lr·β·b</source>
        <translation>−lr·β·b</translation>
    </message>
    <message>
        <source>−lr·β₁·m</source>
        <translation>−lr·β₁·m</translation>
    </message>
    <message>
        <source>−lr·b</source>
        <translation>−lr·b</translation>
    </message>
    <message>
        <source>−lr·m</source>
        <translation>−lr·m</translation>
    </message>
    <message>
        <source>+ μ·m̂ part</source>
        <translation>+ μ·m̂ 部分</translation>
    </message>
    <message>
        <source>−lr·(g + β·b)</source>
        <translation>−lr·(g + β·b)</translation>
    </message>
    <message>
        <source>−lr·m̂</source>
        <translation>−lr·m̂</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>缩放后</translation>
    </message>
    <message>
        <source>mix</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>t·d</source>
        <translation>t·d</translation>
    </message>
    <message>
        <source>Δθ</source>
        <translation>Δθ</translation>
    </message>
    <message>
        <source>g = ∇f(θ) + weight_decay·θ = %1 (weight_decay = %2).</source>
        <translation>g = ∇f(θ) + weight_decay·θ = %1（weight_decay = %2）。</translation>
    </message>
    <message>
        <source>g = ∇f(θ) = %1 at θ = %2.</source>
        <translation>在 θ = %2 处，g = ∇f(θ) = %1。</translation>
    </message>
    <message>
        <source>Rprop ignores its size: only the sign of each coordinate counts.</source>
        <translation>Rprop 忽略梯度的大小：只看每个坐标的符号。</translation>
    </message>
    <message>
        <source>Alone it would move θ by −lr·g = %1 (lr = %2).</source>
        <translation>单靠它会让 θ 移动 −lr·g = %1（lr = %2）。</translation>
    </message>
    <message>
        <source>AdamW first shrinks θ toward 0, apart from the gradient: −lr·weight_decay·θ = %1 (lr = %2, weight_decay = %3).</source>
        <translation>AdamW 先在梯度之外把 θ 向 0 收缩：−lr·weight_decay·θ = %1（lr = %2，weight_decay = %3）。</translation>
    </message>
    <message>
        <source>The velocity b kept from the last step shrinks: momentum·b = %1 (momentum = %2).</source>
        <translation>上一步保留的速度 b 缩小：momentum·b = %1（momentum = %2）。</translation>
    </message>
    <message>
        <source>The running mean of gradients m shrinks: β₁·m = %1 (β₁ = %2).</source>
        <translation>梯度的滑动平均 m 缩小：β₁·m = %1（β₁ = %2）。</translation>
    </message>
    <message>
        <source>First step: the velocity starts as the gradient itself, b = g = %1.</source>
        <translation>第一步：速度从梯度本身开始，b = g = %1。</translation>
    </message>
    <message>
        <source>The scaled gradient joins it: b ← momentum·b + g/(√v + ε) = %1.</source>
        <translation>缩放后的梯度并入其中：b ← momentum·b + g/(√v + ε) = %1。</translation>
    </message>
    <message>
        <source>b ← β·b + (1 − β)·g = %1 (β = %2).</source>
        <translation>b ← β·b + (1 − β)·g = %1（β = %2）。</translation>
    </message>
    <message>
        <source>b ← momentum·b + (1 − dampening)·g = %1 (dampening = %2).</source>
        <translation>b ← momentum·b + (1 − dampening)·g = %1（dampening = %2）。</translation>
    </message>
    <message>
        <source>m ← β₁·m + (1 − β₁)·g = %1 (β₁ = %2): a running mean of gradients.</source>
        <translation>m ← β₁·m + (1 − β₁)·g = %1（β₁ = %2）：梯度的滑动平均。</translation>
    </message>
    <message>
        <source>Nesterov momentum: the momentum part is weighted with next step&apos;s μₜ₊₁ = %1, as if looking one step ahead: %2.</source>
        <translation>Nesterov 动量：动量部分用下一步的 μₜ₊₁ = %1 加权，就像向前看了一步：%2。</translation>
    </message>
    <message>
        <source>Nesterov looks ahead: the step follows g + momentum·b = %1, the gradient plus where the velocity is about to carry θ.</source>
        <translation>Nesterov 向前看：这一步沿 g + momentum·b = %1，即梯度加上速度即将把 θ 带去的方向。</translation>
    </message>
    <message>
        <source>Adagrad adds up squared gradients, per coordinate: s ← s + g² = %1. Coordinates that were steep get ever smaller steps.</source>
        <translation>Adagrad 逐坐标累加梯度平方：s ← s + g² = %1。曾经陡峭的坐标步长越来越小。</translation>
    </message>
    <message>
        <source>The largest recent gradient per coordinate: u ← max(β₂·u, |g| + ε) = %1 (β₂ = %2).</source>
        <translation>每个坐标最近的最大梯度：u ← max(β₂·u, |g| + ε) = %1（β₂ = %2）。</translation>
    </message>
    <message>
        <source>A running mean of squared gradients, per coordinate: v ← α·v + (1 − α)·g² = %1 (α = %2)%3.</source>
        <translation>逐坐标的梯度平方滑动平均：v ← α·v + (1 − α)·g² = %1（α = %2）%3。</translation>
    </message>
    <message>
        <source>; centered: the squared running mean a² of g is subtracted</source>
        <translation>；中心化：减去 g 的滑动平均的平方 a²</translation>
    </message>
    <message>
        <source>A running mean of squared gradients, per coordinate: v ← ρ·v + (1 − ρ)·g² = %1 (ρ = %2).</source>
        <translation>逐坐标的梯度平方滑动平均：v ← ρ·v + (1 − ρ)·g² = %1（ρ = %2）。</translation>
    </message>
    <message>
        <source>v ← β₂·v + (1 − β₂)·g², and AMSGrad keeps the largest v seen: %1 (β₂ = %2).</source>
        <translation>v ← β₂·v + (1 − β₂)·g²，AMSGrad 保留见过的最大 v：%1（β₂ = %2）。</translation>
    </message>
    <message>
        <source>A running mean of squared gradients, per coordinate: v ← β₂·v + (1 − β₂)·g² = %1 (β₂ = %2).</source>
        <translation>逐坐标的梯度平方滑动平均：v ← β₂·v + (1 − β₂)·g² = %1（β₂ = %2）。</translation>
    </message>
    <message>
        <source>Each coordinate is divided by its own √s + ε: Δθ = −lr·g / (√s + ε) = %1 (lr = %2).</source>
        <translation>每个坐标除以自己的 √s + ε：Δθ = −lr·g / (√s + ε) = %1（lr = %2）。</translation>
    </message>
    <message>
        <source>Each coordinate is divided by its own root mean square: g / (√v + ε) = %1. Steep and flat directions get steps of similar size.</source>
        <translation>每个坐标除以自己的均方根：g / (√v + ε) = %1。陡峭和平缓的方向得到大小相近的步长。</translation>
    </message>
    <message>
        <source>Steps in units of past steps: Δ = √(u + ε) / √(v + ε) · g = %1, u the running mean of squared past steps.</source>
        <translation>以过去的步长为单位：Δ = √(u + ε) / √(v + ε) · g = %1，u 为过去步长平方的滑动平均。</translation>
    </message>
    <message>
        <source>Each coordinate is divided by its u: −lr/(1 − β₁ᵗ)·m / u = %1.</source>
        <translation>每个坐标除以它的 u：−lr/(1 − β₁ᵗ)·m / u = %1。</translation>
    </message>
    <message>
        <source>A mix of the plain gradient and the momentum: (1 − ν)·g + ν·%1 = %2 (ν = %3).</source>
        <translation>普通梯度与动量的混合：(1 − ν)·g + ν·%1 = %2（ν = %3）。</translation>
    </message>
    <message>
        <source>Each step size grows ×%1 where g kept its sign, shrinks ×%2 where it flipped (no move there), within [%3, %4]: s = %5. θ moves by −sign(g)·s.</source>
        <translation>g 符号不变处步长乘以 %1，符号翻转处乘以 %2（该处不移动），限制在 [%3, %4] 内：s = %5。θ 移动 −sign(g)·s。</translation>
    </message>
    <message>
        <source>The Hessian&apos;s eigenvalues λ = %1: the curvature along its eigenvectors. Negative ones are taken as |λ|, so the step goes downhill even at a saddle.</source>
        <translation>Hessian 矩阵的特征值 λ = %1：沿其特征向量的曲率。负特征值取 |λ|，因此即使在鞍点，这一步也向下走。</translation>
    </message>
    <message>
        <source>d = −|H|⁻¹·g = %1: long along flat directions, short along curved ones. lr = 1 would land on the minimum of a quadratic.</source>
        <translation>d = −|H|⁻¹·g = %1：沿平缓方向长，沿弯曲方向短。对二次函数，lr = 1 会正好落在极小值上。</translation>
    </message>
    <message>
        <source>First step: no curvature known yet, so d = −g = %1.</source>
        <translation>第一步：尚不知道曲率，所以 d = −g = %1。</translation>
    </message>
    <message>
        <source>d = −H·g = %1, H the inverse-Hessian estimate built from past steps and gradient changes.</source>
        <translation>d = −H·g = %1，H 是由过去的步长和梯度变化构造的逆 Hessian 估计。</translation>
    </message>
    <message>
        <source>A strong-Wolfe line search picks t = %1 along d: enough decrease, and a slope that has flattened.</source>
        <translation>强 Wolfe 线搜索沿 d 选取 t = %1：下降足够，且斜率已变平缓。</translation>
    </message>
    <message>
        <source>No line search: a fixed step length t = %1 along d.</source>
        <translation>无线搜索：沿 d 的固定步长 t = %1。</translation>
    </message>
    <message>
        <source>The gradient is below tolerance_grad = %1: converged, no move.</source>
        <translation>梯度小于 tolerance_grad = %1：已收敛，不移动。</translation>
    </message>
    <message>
        <source>d is no descent direction worth following (gᵀd &gt; −tolerance_change): no move.</source>
        <translation>d 不是值得沿着走的下降方向（gᵀd &gt; −tolerance_change）：不移动。</translation>
    </message>
    <message>
        <source>θ ← θ + Δθ, Δθ = %1. New θ = %2; loss %3 → %4.</source>
        <translation>θ ← θ + Δθ，Δθ = %1。新的 θ = %2；损失 %3 → %4。</translation>
    </message>
    <message>
        <source>Plain gradient descent: the move is −lr·g itself.</source>
        <translation>普通梯度下降：移动量就是 −lr·g 本身。</translation>
    </message>
    <message>
        <source>m and v started at 0, so early on they are too small: divided by 1 − β₁ᵗ = %1 at step t = %3, m becomes %2.</source>
        <translation>m 和 v 从 0 开始，所以早期偏小：在第 t = %3 步除以 1 − β₁ᵗ = %1 后，m 变为 %2。</translation>
    </message>
    <message>
        <source>The gradient part, scaled per coordinate: −lr·(1 − μₜ)/(1 − Πₜ)·g / (√(v / (1 − β₂ᵗ)) + ε) = %1 (μₜ = %2).</source>
        <translation>梯度部分，逐坐标缩放：−lr·(1 − μₜ)/(1 − Πₜ)·g / (√(v / (1 − β₂ᵗ)) + ε) = %1（μₜ = %2）。</translation>
    </message>
    <message>
        <source>ρₜ = %1 &gt; 5: the variance estimate is trusted, so each coordinate is divided by √v + ε, times √(1 − β₂ᵗ) and the rectifier r = %2: %3.</source>
        <translation>ρₜ = %1 &gt; 5：方差估计可信，因此每个坐标除以 √v + ε，再乘以 √(1 − β₂ᵗ) 和修正因子 r = %2：%3。</translation>
    </message>
    <message>
        <source>ρₜ = %1 ≤ 5: too few steps to trust v, so no per-coordinate scaling yet: −lr·m / (1 − β₁ᵗ) = %2.</source>
        <translation>ρₜ = %1 ≤ 5：步数太少，v 尚不可信，因此暂不逐坐标缩放：−lr·m / (1 − β₁ᵗ) = %2。</translation>
    </message>
    <message>
        <source>Each coordinate is divided by √((1 − ν₂)·g² + ν₂·v / (1 − β₂ᵗ)) + ε (ν₂ = %1): %2.</source>
        <translation>每个坐标除以 √((1 − ν₂)·g² + ν₂·v / (1 − β₂ᵗ)) + ε（ν₂ = %1）：%2。</translation>
    </message>
    <message>
        <source>Each coordinate is divided by the root of its own v (bias-corrected) plus ε, so steep and flat directions get steps of similar size: %1.</source>
        <translation>每个坐标除以自己的 v（经偏差校正）的平方根再加 ε，陡峭和平缓的方向因此得到大小相近的步长：%1。</translation>
    </message>
    <message>
        <source>−g is the steepest way down (drawn as long as the move); the curvature will turn and stretch it.</source>
        <translation>−g 是最陡的下坡方向（画成与移动量一样长）；曲率会使它转向并拉伸。</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>the gradient the step used (after weight decay)</source>
        <translation>这一步使用的梯度（加权重衰减之后）</translation>
    </message>
    <message>
        <source>the move the step made: θ_new − θ_old</source>
        <translation>这一步的移动量：θ_new − θ_old</translation>
    </message>
    <message>
        <source>−update / gradient: the step size each coordinate effectively got</source>
        <translation>−update / gradient：每个坐标实际得到的步长</translation>
    </message>
    <message>
        <source>the velocity b</source>
        <translation>速度 b</translation>
    </message>
    <message>
        <source>first moment m: running mean of gradients</source>
        <translation>一阶矩 m：梯度的滑动平均</translation>
    </message>
    <message>
        <source>second moment v: running mean of squared gradients</source>
        <translation>二阶矩 v：梯度平方的滑动平均</translation>
    </message>
    <message>
        <source>AMSGrad&apos;s maximum of past second moments</source>
        <translation>AMSGrad 记录的历史二阶矩最大值</translation>
    </message>
    <message>
        <source>running mean of squared gradients</source>
        <translation>梯度平方的滑动平均</translation>
    </message>
    <message>
        <source>running mean of gradients (centered RMSprop)</source>
        <translation>梯度的滑动平均（中心化 RMSprop）</translation>
    </message>
    <message>
        <source>running mean of squared steps</source>
        <translation>步长平方的滑动平均</translation>
    </message>
    <message>
        <source>sum of squared gradients</source>
        <translation>梯度平方和</translation>
    </message>
    <message>
        <source>infinity-norm moment u</source>
        <translation>无穷范数矩 u</translation>
    </message>
    <message>
        <source>each coordinate&apos;s current step size</source>
        <translation>每个坐标当前的步长</translation>
    </message>
    <message>
        <source>the previous gradient (zero after a sign flip)</source>
        <translation>上一步的梯度（符号翻转后为零）</translation>
    </message>
</context>
<context>
    <name>Surface</name>
    <message>
        <source>Quadratic bowl</source>
        <translation>二次碗</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <source>Linear regression</source>
        <translation>线性回归</translation>
    </message>
    <message>
        <source>Tiny network</source>
        <translation>微型网络</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>六峰驼背函数</translation>
    </message>
    <message>
        <source>Typed formula</source>
        <translation>输入的公式</translation>
    </message>
</context>
<context>
    <name>optviz::AnimationDialog</name>
    <message>
        <source>Loop forever</source>
        <translation>无限循环</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The animated GIF to write (.gif)</source>
        <translation>要写入的 GIF 动画（.gif）</translation>
    </message>
    <message>
        <source>Surface and loss</source>
        <translation>曲面与损失</translation>
    </message>
    <message>
        <source>Surface only</source>
        <translation>仅曲面</translation>
    </message>
    <message>
        <source>Loss only</source>
        <translation>仅损失</translation>
    </message>
    <message>
        <source>Which panels the animation shows</source>
        <translation>动画显示哪些面板</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Pixels; 1280 × 720 fills a 16:9 slide</source>
        <translation>像素；1280 × 720 可占满一张 16:9 幻灯片</translation>
    </message>
    <message>
        <source>Frames from step 0 to the end of the runs: more where the paths move most</source>
        <translation>从第 0 步到运行结束的帧数：路径移动最多的地方帧更密</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long the finished figure stays before the animation ends or starts again</source>
        <translation>动画结束或重新开始前，完成的图形停留多久</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Hold last frame:</source>
        <translation>末帧停留：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>up to %1 s</source>
        <translation>最长 %1 秒</translation>
    </message>
</context>
<context>
    <name>optviz::BasinMapView</name>
    <message>
        <source>Each start point in the colour of the minimum the optimizer reaches from it. Click to start the runs there.</source>
        <translation>每个起点都涂上优化器从该处到达的极小值的颜色。单击即可从该处开始运行。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>optviz::BasinsPanel</name>
    <message>
        <source>Coarse (60 cells)</source>
        <translation>粗（60 格）</translation>
    </message>
    <message>
        <source>Medium (120 cells)</source>
        <translation>中（120 格）</translation>
    </message>
    <message>
        <source>Fine (240 cells)</source>
        <translation>细（240 格）</translation>
    </message>
    <message>
        <source>Start points along the longer side of the view</source>
        <translation>视图长边上的起点数</translation>
    </message>
    <message>
        <source>A run reached a minimum if it ends within this distance of it</source>
        <translation>运行结束时若与某极小值的距离在此值以内，即视为到达该极小值</translation>
    </message>
    <message>
        <source>Start points</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Tolerance &apos;%1&apos; is not accepted; accepted: a distance &gt; 0, e.g. 0.01</source>
        <translation>容差“%1”无效；可接受：大于 0 的距离，例如 0.01</translation>
    </message>
    <message>
        <source>&amp;nbsp;no minimum within tolerance</source>
        <translation>&amp;nbsp;容差内无极小值</translation>
    </message>
    <message>
        <source>&amp;nbsp;diverged</source>
        <translation>&amp;nbsp;发散</translation>
    </message>
    <message>
        <source>&lt;b&gt;★&lt;/b&gt;&amp;nbsp;known minimum &amp;nbsp; &lt;b&gt;○&lt;/b&gt;&amp;nbsp;start of the runs</source>
        <translation>&lt;b&gt;★&lt;/b&gt;&amp;nbsp;已知极小值 &amp;nbsp; &lt;b&gt;○&lt;/b&gt;&amp;nbsp;运行起点</translation>
    </message>
    <message>
        <source>No enabled optimizer in the scene.</source>
        <translation>场景中没有启用的优化器。</translation>
    </message>
    <message>
        <source>%1 × %2 start points, %3 steps each, in %4 s. Click a map to start the runs there.</source>
        <translation>%1 × %2 个起点，每个 %3 步，用时 %4 秒。单击图即可从该处开始运行。</translation>
    </message>
    <message>
        <source>Computing… %1 %</source>
        <translation>正在计算… %1 %</translation>
    </message>
</context>
<context>
    <name>optviz::ExportDialog</name>
    <message>
        <source>Export figure</source>
        <translation>导出图形</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The file to write: .png, .svg or .pdf</source>
        <translation>要写入的文件：.png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>Surface and loss</source>
        <translation>曲面与损失</translation>
    </message>
    <message>
        <source>Surface only</source>
        <translation>仅曲面</translation>
    </message>
    <message>
        <source>Loss only</source>
        <translation>仅损失</translation>
    </message>
    <message>
        <source>Which panels the figure shows</source>
        <translation>图形显示哪些面板</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>2× (sharp on high-density screens)</source>
        <translation>2×（高密度屏幕上清晰）</translation>
    </message>
    <message>
        <source>3×</source>
        <translation>3×</translation>
    </message>
    <message>
        <source>PNG only: pixels per figure unit; SVG and PDF are vector graphics</source>
        <translation>仅用于 PNG：每个图形单位的像素数；SVG 和 PDF 是矢量图</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>PNG scale:</source>
        <translation>PNG 缩放：</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>optviz::Figure</name>
    <message>
        <source>−∇f</source>
        <translation>−∇f</translation>
    </message>
    <message>
        <source>velocity</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss f(x, y)</source>
        <translation>损失 f(x, y)</translation>
    </message>
    <message>
        <source>f − f_min   (log scale)</source>
        <translation>f − f_min   （对数刻度）</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1
diverged at step %2</source>
        <translation>%1
在第 %2 步发散</translation>
    </message>
    <message>
        <source>loss f(x, y)   (no known minimum)</source>
        <translation>损失 f(x, y)   （无已知极小值）</translation>
    </message>
    <message>
        <source>distance to nearest minimum</source>
        <translation>到最近极小值的距离</translation>
    </message>
</context>
<context>
    <name>optviz::HyperparameterMapPanel</name>
    <message>
        <source>The optimizer of the scene whose hyperparameters are mapped</source>
        <translation>要绘制其超参数图的场景优化器</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Steps to tolerance</source>
        <translation>达到容差的步数</translation>
    </message>
    <message>
        <source>Colour by the loss after the last step (above the known minimum), or by the first step within the tolerance of it</source>
        <translation>按最后一步后的损失（高出已知极小值的部分）着色，或按首次进入其容差范围的步数着色</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Across</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>The hyperparameter varied across</source>
        <translation>沿横轴变化的超参数</translation>
    </message>
    <message>
        <source>The hyperparameter varied up: none for a curve</source>
        <translation>沿纵轴变化的超参数：选“无”则画曲线</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Space the values evenly on a log scale</source>
        <translation>在对数刻度上均匀取值</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Coarse (25 × 25)</source>
        <translation>粗（25 × 25）</translation>
    </message>
    <message>
        <source>Medium (50 × 50)</source>
        <translation>中（50 × 50）</translation>
    </message>
    <message>
        <source>Fine (100 × 100)</source>
        <translation>细（100 × 100）</translation>
    </message>
    <message>
        <source>Runs per axis of a map (a curve has three times as many)</source>
        <translation>图每个轴上的运行次数（曲线为其三倍）</translation>
    </message>
    <message>
        <source>Steps to tolerance: the first step whose loss is within this of the lowest known minimum</source>
        <translation>达到容差的步数：损失首次与最低已知极小值相差不超过此值的步</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>none (a curve)</source>
        <translation>无（曲线）</translation>
    </message>
    <message>
        <source>Tolerance &apos;%1&apos; is not accepted; accepted: a number ≥ 0, e.g. 1e-6</source>
        <translation>容差“%1”无效；可接受：≥ 0 的数，例如 1e-6</translation>
    </message>
    <message>
        <source>No optimizer in the scene: add one in the Optimizers panel.</source>
        <translation>场景中没有优化器：请在“优化器”面板中添加一个。</translation>
    </message>
    <message>
        <source>Unknown optimizer</source>
        <translation>未知优化器</translation>
    </message>
    <message>
        <source>%1: the range needs two numbers, from and to</source>
        <translation>%1：范围需要两个数，起点和终点</translation>
    </message>
    <message>
        <source>Choose two different parameters, or none up for a curve</source>
        <translation>请选择两个不同的参数，或纵轴选“无”以画曲线</translation>
    </message>
    <message>
        <source>Choose a parameter to vary across</source>
        <translation>请选择沿横轴变化的参数</translation>
    </message>
    <message>
        <source>%1 runs of %2 steps in %3 s. Click to load those values into the optimizer.</source>
        <translation>%1 次运行，每次 %2 步，用时 %3 秒。单击即可将这些值载入优化器。</translation>
    </message>
    <message>
        <source>Computing… %1 %</source>
        <translation>正在计算… %1 %</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#262626&apos;&gt;■&lt;/span&gt; diverged</source>
        <translation>&lt;span style=&apos;color:#262626&apos;&gt;■&lt;/span&gt; 发散</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#bbbbbb&apos;&gt;■&lt;/span&gt; never within tolerance</source>
        <translation>&lt;span style=&apos;color:#bbbbbb&apos;&gt;■&lt;/span&gt; 始终未进入容差</translation>
    </message>
    <message>
        <source>&lt;b&gt;- - -&lt;/b&gt; edge of stability (theory)</source>
        <translation>&lt;b&gt;- - -&lt;/b&gt; 稳定性边界（理论）</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation>（对数刻度）</translation>
    </message>
    <message>
        <source>steps to tolerance</source>
        <translation>达到容差的步数</translation>
    </message>
    <message>
        <source>final loss − minimum</source>
        <translation>最终损失 − 极小值</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>lr = 2(1+m)/((1+2m)L)</source>
        <translation>lr = 2(1+m)/((1+2m)L)</translation>
    </message>
    <message>
        <source>lr = 2(1+m)/L</source>
        <translation>lr = 2(1+m)/L</translation>
    </message>
    <message>
        <source>lr = 2/L</source>
        <translation>lr = 2/L</translation>
    </message>
    <message>
        <source> edge of stability: %1 = %2 (L = %3)</source>
        <translation> 稳定性边界：%1 = %2（L = %3）</translation>
    </message>
    <message>
        <source>edge of stability (theory): %1, L = %2</source>
        <translation>稳定性边界（理论）：%1，L = %2</translation>
    </message>
    <message>
        <source>edge of stability (theory) over %1, L = %2</source>
        <translation>随 %1 变化的稳定性边界（理论），L = %2</translation>
    </message>
    <message>
        <source>Loaded %1 into %2.</source>
        <translation>已将 %1 载入 %2。</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>final loss %1</source>
        <translation>最终损失 %1</translation>
    </message>
    <message>
        <source>, within tolerance from step %1</source>
        <translation>，从第 %1 步起进入容差</translation>
    </message>
    <message>
        <source>, never within tolerance</source>
        <translation>，始终未进入容差</translation>
    </message>
</context>
<context>
    <name>optviz::LessonPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <source>Open the previous lesson</source>
        <translation>打开上一课</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Undo your changes: this lesson as it was</source>
        <translation>撤销你的修改：恢复本课原样</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <source>Open the next lesson</source>
        <translation>打开下一课</translation>
    </message>
    <message>
        <source>No lesson</source>
        <translation>无课程</translation>
    </message>
    <message>
        <source>&lt;p&gt;This scene has no lesson text. Open one from the &lt;b&gt;Lessons&lt;/b&gt; menu, or add &quot;title&quot; and &quot;text&quot; to a scene file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此场景没有课程文字。请从&lt;b&gt;课程&lt;/b&gt;菜单打开一课，或在场景文件中加入 &quot;title&quot; 和 &quot;text&quot;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>optviz::MainWindow</name>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Optimizers on 2-D loss surfaces (Ctrl+1)</source>
        <translation>二维损失曲面上的优化器（Ctrl+1）</translation>
    </message>
    <message>
        <source>Optimizers training a small neural network on a data set (Ctrl+2)</source>
        <translation>在数据集上训练小型神经网络的优化器（Ctrl+2）</translation>
    </message>
    <message>
        <source>&amp;New Scene</source>
        <translation>新建场景(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the default scene</source>
        <translation>从默认场景重新开始</translation>
    </message>
    <message>
        <source>&amp;Open Scene…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a scene file (.json)</source>
        <translation>打开场景文件（.json）</translation>
    </message>
    <message>
        <source>&amp;Save Scene</source>
        <translation>保存场景(&amp;S)</translation>
    </message>
    <message>
        <source>Save the scene to its file</source>
        <translation>将场景保存到其文件</translation>
    </message>
    <message>
        <source>Save Scene &amp;As…</source>
        <translation>场景另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the scene to a new file</source>
        <translation>将场景保存到新文件</translation>
    </message>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>导出图形(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the figure as PNG, SVG or PDF</source>
        <translation>将图形写为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export &amp;Trajectories…</source>
        <translation>导出轨迹(&amp;T)…</translation>
    </message>
    <message>
        <source>Write every trajectory as CSV or JSON</source>
        <translation>将所有轨迹写为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>&amp;Copy Figure</source>
        <translation>复制图形(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the figure to the clipboard as an image</source>
        <translation>将图形作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit optviz</source>
        <translation>退出 optviz</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Animate the optimizers step by step, or pause them</source>
        <translation>逐步播放优化器的动画，或暂停</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Take one step with every optimizer</source>
        <translation>每个优化器走一步</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the start point, step 0</source>
        <translation>回到起点，第 0 步</translation>
    </message>
    <message>
        <source>&amp;Animate</source>
        <translation>动画(&amp;A)</translation>
    </message>
    <message>
        <source>Watch the optimizers move at the chosen speed</source>
        <translation>以所选速度观看优化器移动</translation>
    </message>
    <message>
        <source>&amp;Instant</source>
        <translation>即时(&amp;I)</translation>
    </message>
    <message>
        <source>Show every trajectory to the step budget at once; every change recomputes them</source>
        <translation>立即显示到步数预算为止的所有轨迹；每次修改都会重新计算</translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation>叠加(&amp;O)</translation>
    </message>
    <message>
        <source>All paths on one map</source>
        <translation>所有路径画在同一张图上</translation>
    </message>
    <message>
        <source>S&amp;mall Multiples</source>
        <translation>小图阵列(&amp;M)</translation>
    </message>
    <message>
        <source>One map per optimizer, linked axes, same colour scale</source>
        <translation>每个优化器一张图，坐标轴联动，色标相同</translation>
    </message>
    <message>
        <source>&amp;Loss</source>
        <translation>损失(&amp;L)</translation>
    </message>
    <message>
        <source>Plot the loss against the step</source>
        <translation>绘制损失随步数的变化</translation>
    </message>
    <message>
        <source>&amp;Distance to Minimum</source>
        <translation>到极小值的距离(&amp;D)</translation>
    </message>
    <message>
        <source>Plot the distance to the nearest known minimum against the step</source>
        <translation>绘制到最近已知极小值的距离随步数的变化</translation>
    </message>
    <message>
        <source>Reset &amp;View</source>
        <translation>重置视图(&amp;V)</translation>
    </message>
    <message>
        <source>Back to the surface&apos;s default view</source>
        <translation>回到曲面的默认视图</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Fill the screen (for the projector)</source>
        <translation>占满整个屏幕（用于投影）</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large type, thick lines, strong contours and only the panels a lecture needs</source>
        <translation>大字号、粗线条、醒目的等高线，只保留讲课需要的面板</translation>
    </message>
    <message>
        <source>&amp;Surface Workspace</source>
        <translation>曲面工作区(&amp;S)</translation>
    </message>
    <message>
        <source>Optimizers on 2-D loss surfaces</source>
        <translation>二维损失曲面上的优化器</translation>
    </message>
    <message>
        <source>&amp;Network Workspace</source>
        <translation>网络工作区(&amp;N)</translation>
    </message>
    <message>
        <source>Optimizers training a small neural network: decision boundaries, loss curves and the loss on a plane through its parameters</source>
        <translation>训练小型神经网络的优化器：决策边界、损失曲线，以及参数空间中一个平面上的损失</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when optviz is started again.</source>
        <translation>语言将在下次启动 optviz 时切换。</translation>
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
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;All Lessons…</source>
        <translation>全部课程(&amp;A)…</translation>
    </message>
    <message>
        <source>The start page: every lesson with its title and one line</source>
        <translation>开始页面：每课的标题和一行简介</translation>
    </message>
    <message>
        <source>&amp;%1. %2</source>
        <translation>&amp;%1. %2</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Start Page…</source>
        <translation>开始页面(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About optviz</source>
        <translation>关于 optviz(&amp;A)</translation>
    </message>
    <message>
        <source>About optviz</source>
        <translation>关于 optviz</translation>
    </message>
    <message>
        <source>&lt;b&gt;optviz&lt;/b&gt; makes optimization visible: the update rules of torch.optim, exactly, on surfaces you can see.</source>
        <translation>&lt;b&gt;optviz&lt;/b&gt; 让优化过程看得见：在看得见的曲面上，精确地执行 torch.optim 的更新规则。</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <source>The numbers behind the chosen optimizer&apos;s current step</source>
        <translation>所选优化器当前一步背后的数值</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Hyperparameter map</source>
        <translation>超参数图</translation>
    </message>
    <message>
        <source>Basins</source>
        <translation>吸引盆</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Cannot run this scene: %1</source>
        <translation>无法运行此场景：%1</translation>
    </message>
    <message>
        <source>Cannot use this surface: %1</source>
        <translation>无法使用此曲面：%1</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>第 %1 课：%2</translation>
    </message>
    <message>
        <source>%1 diverged at step %2</source>
        <translation>%1 在第 %2 步发散</translation>
    </message>
    <message>
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <source> · long run: older points thinned for display (files stay exact)</source>
        <translation> · 长时间运行：较早的点已为显示而稀疏化（文件中保持精确）</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot open scene</source>
        <translation>无法打开场景</translation>
    </message>
    <message>
        <source>%1

The current scene is kept.</source>
        <translation>%1

当前场景保持不变。</translation>
    </message>
    <message>
        <source>Cannot save scene</source>
        <translation>无法保存场景</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open scene</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>optviz scenes (*.json);;All files (*)</source>
        <translation>optviz 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>optviz scenes (*.json)</source>
        <translation>optviz 场景 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export figure</source>
        <translation>无法导出图形</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export trajectories</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export trajectories</source>
        <translation>无法导出轨迹</translation>
    </message>
    <message>
        <source>Figure copied to the clipboard</source>
        <translation>图形已复制到剪贴板</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 已不存在</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1%2 — optviz</source>
        <translation>%1%2 — optviz</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <source>Write the runs growing from step 0 to the end as an animated GIF</source>
        <translation>将从第 0 步到结束逐渐展开的运行写为 GIF 动画</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <source>The surface in 3-D with the paths on it; drag to rotate</source>
        <translation>带路径的三维曲面；拖动可旋转</translation>
    </message>
    <message>
        <source>Cannot export animation</source>
        <translation>无法导出动画</translation>
    </message>
    <message>
        <source>Animations show the surface workspace: switch to it first (Ctrl+1).</source>
        <translation>动画显示的是曲面工作区：请先切换到它（Ctrl+1）。</translation>
    </message>
    <message>
        <source>Animation export cancelled</source>
        <translation>动画导出已取消</translation>
    </message>
    <message>
        <source>E&amp;xplain Step</source>
        <translation>讲解这一步(&amp;X)</translation>
    </message>
    <message>
        <source>Take the inspected optimizer&apos;s current step apart, stage by stage (→ next, ← back, Esc to close)</source>
        <translation>把所检查优化器的当前一步逐阶段拆开讲解（→ 下一阶段，← 上一阶段，Esc 关闭）</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→&lt;/b&gt;&lt;/td&gt;&lt;td&gt;one step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reset to step 0&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;explain the step (→ / ← stages, Esc closes)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reset the view&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O / Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open / save a scene&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the figure&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export an animation (GIF)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;presentation mode&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;hyperparameter map&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+B&lt;/b&gt;&lt;/td&gt;&lt;td&gt;basins of attraction&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;3-D view&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Click the map to move the start point, or drag the start marker. Scroll to zoom, drag to pan.&lt;/p&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→&lt;/b&gt;&lt;/td&gt;&lt;td&gt;走一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;重置到第 0 步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;讲解这一步（→ / ← 切换阶段，Esc 关闭）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;重置视图&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O / Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;打开 / 保存场景&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;导出图形&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;导出动画（GIF）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;演示模式&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;超参数图&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+B&lt;/b&gt;&lt;/td&gt;&lt;td&gt;吸引盆&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;三维视图&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;单击图可移动起点，也可拖动起点标记。滚轮缩放，拖动平移。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Explain step: no optimizer is running.</source>
        <translation>讲解这一步：没有正在运行的优化器。</translation>
    </message>
    <message>
        <source>Explain step</source>
        <translation>讲解这一步</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Save them before opening the lesson “%1”?</source>
        <translation>打开课程“%1”之前要保存这些修改吗？</translation>
    </message>
    <message>
        <source>open lesson %1</source>
        <translation>打开课程 %1</translation>
    </message>
    <message>
        <source>Save them before starting a new scene?</source>
        <translation>新建场景之前要保存这些修改吗？</translation>
    </message>
    <message>
        <source>new scene</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <source>Save them before opening %1?</source>
        <translation>打开 %1 之前要保存这些修改吗？</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>optviz::NetworkFigure</name>
    <message>
        <source>—— training   - - - test</source>
        <translation>—— 训练   - - - 测试</translation>
    </message>
    <message>
        <source>Choose a data set and press Play.</source>
        <translation>选择一个数据集，然后按“播放”。</translation>
    </message>
    <message>
        <source>The data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Loss plane</source>
        <translation>损失平面</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>train %1   test %2</source>
        <translation>训练 %1   测试 %2</translation>
    </message>
    <message>
        <source>loss %1   test %2</source>
        <translation>损失 %1   测试 %2</translation>
    </message>
    <message>
        <source>Drawn once the runs
have moved.</source>
        <translation>运行开始移动后
才会绘制。</translation>
    </message>
    <message>
        <source>training loss (log scale)</source>
        <translation>训练损失（对数刻度）</translation>
    </message>
    <message>
        <source>α  (PC 1: %1)</source>
        <translation>α  （主成分 1：%1）</translation>
    </message>
    <message>
        <source>β  (PC 2: %1)</source>
        <translation>β  （主成分 2：%1）</translation>
    </message>
    <message>
        <source>Loss plane · PCA of the paths</source>
        <translation>损失平面 · 路径的主成分</translation>
    </message>
    <message>
        <source>Loss plane · random directions</source>
        <translation>损失平面 · 随机方向</translation>
    </message>
    <message>
        <source>the plane holds %1 of the paths&apos; spread</source>
        <translation>该平面包含路径离散程度的 %1</translation>
    </message>
    <message>
        <source>a random plane through %1&apos;s end</source>
        <translation>经过 %1 终点的随机平面</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>
farthest off it: %1 (%2 of its travel)</source>
        <translation>
离平面最远：%1（其行程的 %2）</translation>
    </message>
    <message>
        <source>
the paths lie in it</source>
        <translation>
路径都在平面内</translation>
    </message>
    <message>
        <source>%1 · epoch %2
training loss %3
%4 off the plane (%5 of its travel)</source>
        <translation>%1 · 第 %2 轮
训练损失 %3
偏离平面 %4（其行程的 %5）</translation>
    </message>
    <message>
        <source>The PCA plane needs
paths that move:
train a few epochs.</source>
        <translation>PCA 平面需要
有移动的路径：
先训练几轮。</translation>
    </message>
    <message>
        <source>No plane: the network
has no finite parameters
to centre it on.</source>
        <translation>无法绘制平面：
网络没有有限的参数
可作为中心。</translation>
    </message>
</context>
<context>
    <name>optviz::NetworkPanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source> (regression)</source>
        <translation>（回归）</translation>
    </message>
    <message>
        <source> (classification)</source>
        <translation>（分类）</translation>
    </message>
    <message>
        <source>One seed for the samples, the split, the initial weights and the mini-batch order (as optviz-cli train --seed)</source>
        <translation>样本、划分、初始权重和小批量顺序共用一个随机种子（同 optviz-cli train --seed）</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Hidden-layer widths, comma-separated (e.g. 16,16), or none for logistic or linear regression; press Enter to apply</source>
        <translation>隐藏层宽度，以逗号分隔（例如 16,16），留空则为逻辑回归或线性回归；按 Enter 应用</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Samples per step, in shuffled mini-batches each epoch; full batch takes one step per epoch</source>
        <translation>每步的样本数，每轮打乱后分成小批量；全批量则每轮一步</translation>
    </message>
    <message>
        <source>PCA of the paths</source>
        <translation>路径的主成分</translation>
    </message>
    <message>
        <source>random (filter-normalised)</source>
        <translation>随机（按滤波器归一化）</translation>
    </message>
    <message>
        <source>The plane through parameter space that the loss-plane view draws: the two directions along which the optimizers moved most, or Li et al.&apos;s random directions scaled per neuron</source>
        <translation>损失平面视图所画的参数空间平面：优化器移动最多的两个方向，或 Li 等人按神经元缩放的随机方向</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Loss plane</source>
        <translation>损失平面</translation>
    </message>
    <message>
        <source>auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
</context>
<context>
    <name>optviz::NetworkWorkspace</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train every optimizer, or pause (Space)</source>
        <translation>训练所有优化器，或暂停（空格）</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <source>One epoch of every optimizer (→)</source>
        <translation>每个优化器训练一轮（→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights, epoch 0 (R)</source>
        <translation>回到初始权重，第 0 轮（R）</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 轮/秒</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Epochs per second while playing</source>
        <translation>播放时每秒的轮数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Cannot train this network: %1</source>
        <translation>无法训练此网络：%1</translation>
    </message>
    <message>
        <source> · %1 training, %2 test samples</source>
        <translation> · %1 个训练样本，%2 个测试样本</translation>
    </message>
    <message>
        <source>diverged at epoch %1</source>
        <translation>在第 %1 轮发散</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>epoch %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source> · %1 steps per epoch</source>
        <translation> · 每轮 %1 步</translation>
    </message>
    <message>
        <source> · done</source>
        <translation> · 完成</translation>
    </message>
</context>
<context>
    <name>optviz::OptimizerCard</name>
    <message>
        <source>Colour of this optimizer&apos;s path and loss curve.&lt;br&gt;Click to choose another.</source>
        <translation>此优化器的路径和损失曲线的颜色。&lt;br&gt;单击可另选颜色。</translation>
    </message>
    <message>
        <source>Run and show this optimizer.&lt;br&gt;Untick to hide it without losing its settings.</source>
        <translation>运行并显示此优化器。&lt;br&gt;取消勾选可隐藏它，设置不会丢失。</translation>
    </message>
    <message>
        <source>Duplicate: add a copy right below with its own colour,&lt;br&gt;e.g. to compare two learning rates.</source>
        <translation>复制：在下方添加一个颜色不同的副本，&lt;br&gt;例如用来比较两个学习率。</translation>
    </message>
    <message>
        <source>Remove this optimizer</source>
        <translation>移除此优化器</translation>
    </message>
    <message>
        <source>lr schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate changes from step to step (torch.optim.lr_scheduler); the optimizer&apos;s state is kept.</source>
        <translation>学习率如何逐步变化（torch.optim.lr_scheduler）；优化器的状态保持不变。</translation>
    </message>
    <message>
        <source>Show or hide the less often changed hyperparameters: %1</source>
        <translation>显示或隐藏不常修改的超参数：%1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>&lt;br&gt;Choosing another method resets the hyperparameters to its defaults.</source>
        <translation>&lt;br&gt;选择其他方法会将超参数重置为其默认值。</translation>
    </message>
    <message>
        <source>Advanced (%1, %2 changed)</source>
        <translation>高级（%1，已改 %2 个）</translation>
    </message>
    <message>
        <source>Advanced (%1)</source>
        <translation>高级（%1）</translation>
    </message>
    <message>
        <source>⚠ Not applied: %1</source>
        <translation>⚠ 未应用：%1</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>optviz::OptimizerPanel</name>
    <message>
        <source>Add optimizer</source>
        <translation>添加优化器</translation>
    </message>
    <message>
        <source>Optimizers in the scene, of the %1 a scene may hold</source>
        <translation>场景中的优化器数（一个场景最多可有 %1 个）</translation>
    </message>
    <message>
        <source>No optimizers. Add one with “Add optimizer” above.</source>
        <translation>没有优化器。请用上方的“添加优化器”添加一个。</translation>
    </message>
    <message>
        <source>Add an optimizer with its default settings and the next free colour</source>
        <translation>以默认设置和下一个空闲颜色添加优化器</translation>
    </message>
    <message>
        <source>A scene holds at most %1 optimizers; remove one first</source>
        <translation>一个场景最多有 %1 个优化器；请先移除一个</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>optviz::ParameterControl</name>
    <message>
        <source>Empty: type a number in %1.</source>
        <translation>为空：请输入 %1 内的数。</translation>
    </message>
    <message>
        <source>“%1” is not a finite number; accepted: %2.</source>
        <translation>“%1”不是有限数；可接受：%2。</translation>
    </message>
    <message>
        <source>%1 is outside the accepted range %2.</source>
        <translation>%1 超出可接受范围 %2。</translation>
    </message>
    <message>
        <source>%1 is not a whole number; accepted: %2.</source>
        <translation>%1 不是整数；可接受：%2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not applied.&lt;/b&gt; %1&lt;br&gt;The value in use is still %2; Esc restores it.</source>
        <translation>&lt;b&gt;未应用。&lt;/b&gt;%1&lt;br&gt;当前使用的值仍为 %2；按 Esc 恢复。</translation>
    </message>
    <message>
        <source>Accepted: %1 · default: %2</source>
        <translation>可接受：%1 · 默认：%2</translation>
    </message>
    <message>
        <source> · in scene files: %1</source>
        <translation> · 场景文件中：%1</translation>
    </message>
    <message>
        <source>Slider: 0, then %1 … %2 on a log scale.</source>
        <translation>滑块：0，然后是对数刻度上的 %1 … %2。</translation>
    </message>
    <message>
        <source>Slider: %1 … %2 on a log scale.</source>
        <translation>滑块：对数刻度上的 %1 … %2。</translation>
    </message>
    <message>
        <source>Slider: %1 … %2 in steps of %3.</source>
        <translation>滑块：%1 … %2，步长 %3。</translation>
    </message>
    <message>
        <source>The box takes any accepted value.</source>
        <translation>输入框接受任何可接受的值。</translation>
    </message>
    <message>
        <source>Type an exact value, e.g. %1 or 1e-3, then Enter.</source>
        <translation>输入精确值，例如 %1 或 1e-3，然后按 Enter。</translation>
    </message>
    <message>
        <source>Type a whole number, then Enter; or use the arrows.</source>
        <translation>输入整数后按 Enter；或使用箭头。</translation>
    </message>
    <message>
        <source>Reset %1 to its default, %2</source>
        <translation>将 %1 重置为默认值 %2</translation>
    </message>
    <message>
        <source>Exact value: %1</source>
        <translation>精确值：%1</translation>
    </message>
    <message>
        <source>Hold Shift while dragging for 10× finer steps. Arrow keys: one step; Page Up/Down: %1 steps.</source>
        <translation>拖动时按住 Shift 可使步长细化 10 倍。方向键：一步；Page Up/Down：%1 步。</translation>
    </message>
    <message>
        <source>Mouse wheel (once the slider has focus): %1 steps a notch, with Shift one.</source>
        <translation>鼠标滚轮（滑块获得焦点后）：每格 %1 步，按住 Shift 时每格一步。</translation>
    </message>
</context>
<context>
    <name>optviz::PlaybackBar</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause: the optimizers take steps at the chosen speed (Space)</source>
        <translation>播放或暂停：优化器以所选速度迈步（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step of every optimizer, then pause (Right arrow)</source>
        <translation>每个优化器走一步，然后暂停（右方向键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start point, step 0, keeping every setting (R)</source>
        <translation>回到起点，第 0 步，保留所有设置（R）</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Animation speed in steps per second, 1 … 100000 on a log scale; far right: as fast as the computer can</source>
        <translation>动画速度，以每秒步数计，对数刻度 1 … 100000；最右端：计算机能跑多快就多快</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Step budget: how many steps each optimizer takes, up to 10,000,000. Type a number and press Enter.</source>
        <translation>步数预算：每个优化器走多少步，最多 10,000,000。输入数字后按 Enter。</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>Animate: watch the optimizers step at the chosen speed</source>
        <translation>动画：以所选速度观看优化器迈步</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>即时</translation>
    </message>
    <message>
        <source>Instant: every change computes all paths to the budget and shows them at once, live while a slider moves</source>
        <translation>即时：每次修改都计算到预算为止的所有路径并立即显示，拖动滑块时实时更新</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>max speed</source>
        <translation>最快速度</translation>
    </message>
    <message>
        <source>100000 steps/s</source>
        <translation>100000 步/秒</translation>
    </message>
</context>
<context>
    <name>optviz::SceneHistory</name>
    <message>
        <source>add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>change %1 to %2</source>
        <translation>将 %1 改为 %2</translation>
    </message>
    <message>
        <source>show %1</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <source>hide %1</source>
        <translation>隐藏 %1</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>change %1&apos;s parameters</source>
        <translation>修改 %1 的参数</translation>
    </message>
    <message>
        <source>change the schedule</source>
        <translation>修改学习率调度</translation>
    </message>
    <message>
        <source>change the colour</source>
        <translation>修改颜色</translation>
    </message>
    <message>
        <source>reorder the optimizers</source>
        <translation>调整优化器顺序</translation>
    </message>
    <message>
        <source>show the network</source>
        <translation>显示网络</translation>
    </message>
    <message>
        <source>show the surfaces</source>
        <translation>显示曲面</translation>
    </message>
    <message>
        <source>change the surface</source>
        <translation>更换曲面</translation>
    </message>
    <message>
        <source>change the formula</source>
        <translation>修改公式</translation>
    </message>
    <message>
        <source>move the start</source>
        <translation>移动起点</translation>
    </message>
    <message>
        <source>change the step budget</source>
        <translation>修改步数预算</translation>
    </message>
    <message>
        <source>change the gradient settings</source>
        <translation>修改梯度设置</translation>
    </message>
    <message>
        <source>change the layout</source>
        <translation>修改布局</translation>
    </message>
    <message>
        <source>change the plotted measure</source>
        <translation>修改绘制的度量</translation>
    </message>
    <message>
        <source>change the lesson text</source>
        <translation>修改课程文本</translation>
    </message>
    <message>
        <source>change the network settings</source>
        <translation>修改网络设置</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>optviz::SessionAutosave</name>
    <message>
        <source>Cannot save the session: the settings file cannot be written. Save the scene to a file to keep it.</source>
        <translation>无法保存会话：设置文件无法写入。请将场景保存到文件以保留它。</translation>
    </message>
    <message>
        <source>Restored the last session</source>
        <translation>已恢复上次的会话</translation>
    </message>
    <message>
        <source>Restored the session of %1, with its unsaved edits</source>
        <translation>已恢复 %1 的会话，包括其未保存的修改</translation>
    </message>
    <message>
        <source>Restored the session of %1</source>
        <translation>已恢复 %1 的会话</translation>
    </message>
</context>
<context>
    <name>optviz::SimulationController</name>
    <message>
        <source>%1 diverged at step %2</source>
        <translation>%1 在第 %2 步发散</translation>
    </message>
</context>
<context>
    <name>optviz::StartPage</name>
    <message>
        <source>Welcome to optviz</source>
        <translation>欢迎使用 optviz</translation>
    </message>
    <message>
        <source>&lt;h2&gt;optviz: optimization made visible&lt;/h2&gt;&lt;p&gt;The update rules of torch.optim, exactly, on surfaces you can see. Each lesson opens a prepared scene with a short text beside the plot: what to look at, what to try.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;optviz：让优化看得见&lt;/h2&gt;&lt;p&gt;在看得见的曲面上，精确地执行 torch.optim 的更新规则。每一课都会打开一个准备好的场景，图旁附有简短说明：观察什么，尝试什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Show this page when optviz starts</source>
        <translation>启动 optviz 时显示此页面</translation>
    </message>
    <message>
        <source>Go to the window</source>
        <translation>进入主窗口</translation>
    </message>
</context>
<context>
    <name>optviz::StepExplainer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Next Stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Previous Stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Close Explain Mode</source>
        <translation>关闭讲解模式</translation>
    </message>
    <message>
        <source>The stage before (← or Page Up)</source>
        <translation>上一阶段（← 或 Page Up）</translation>
    </message>
    <message>
        <source>The next stage (→ or Page Down)</source>
        <translation>下一阶段（→ 或 Page Down）</translation>
    </message>
    <message>
        <source>Leave explain mode (Esc)</source>
        <translation>退出讲解模式（Esc）</translation>
    </message>
    <message>
        <source> · arrows drawn ×%1</source>
        <translation> · 箭头放大 ×%1 绘制</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, step %2 · stage %3 of %4%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，第 %2 步 · 第 %3 / %4 阶段%5</translation>
    </message>
</context>
<context>
    <name>optviz::StepInspector</name>
    <message>
        <source>The optimizer whose current step is taken apart here and drawn as arrows on the map</source>
        <translation>在此分解其当前一步、并在图上以箭头绘出的优化器</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>量</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>No optimizer is running.</source>
        <translation>没有正在运行的优化器。</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source> — diverged at step %1</source>
        <translation> —— 在第 %1 步发散</translation>
    </message>
    <message>
        <source>   at (%1, %2), loss %3</source>
        <translation type="vanished">   位于 (%1, %2)，损失 %3</translation>
    </message>
    <message>
        <source>Explain this step</source>
        <translation>讲解这一步</translation>
    </message>
    <message>
        <source>The update rule this optimizer executes with its current parameters, exactly as torch.optim computes it, and the current values</source>
        <translation>此优化器以当前参数执行的更新规则（与 torch.optim 的计算完全一致），以及当前的数值</translation>
    </message>
    <message>
        <source>Take this optimizer&apos;s current step apart, stage by stage, on the map (E)</source>
        <translation>在图上把此优化器的当前一步逐阶段拆开讲解（E）</translation>
    </message>
    <message>
        <source>at (%1, %2), loss %3</source>
        <translation>位于 (%1, %2)，损失 %3</translation>
    </message>
</context>
<context>
    <name>optviz::Surface3DView</name>
    <message>
        <source>Reset &amp;Camera</source>
        <translation>重置相机(&amp;C)</translation>
    </message>
    <message>
        <source>Drag to rotate · wheel to zoom</source>
        <translation>拖动旋转 · 滚轮缩放</translation>
    </message>
    <message>
        <source>Back to the initial viewing angle and zoom</source>
        <translation>回到初始视角和缩放</translation>
    </message>
    <message>
        <source>The 3-D view needs OpenGL, which is not available here (no OpenGL driver, or a display without one).</source>
        <translation>三维视图需要 OpenGL，但此处不可用（没有 OpenGL 驱动，或显示器不支持）。</translation>
    </message>
    <message>
        <source>f − f_min (log scale)</source>
        <translation>f − f_min（对数刻度）</translation>
    </message>
    <message>
        <source>f(x, y)</source>
        <translation>f(x, y)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1 — diverged</source>
        <translation>%1 —— 发散</translation>
    </message>
</context>
<context>
    <name>optviz::SurfacePanel</name>
    <message>
        <source>surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>The landscape the optimizers descend. Choosing another resets its parameters, the view and the start to its defaults.</source>
        <translation>优化器要下降的地形。选择其他曲面会将其参数、视图和起点重置为默认值。</translation>
    </message>
    <message>
        <source>&lt;p&gt;A formula in x and y: + − * / ^ ( ), numbers such as 2, 1.5, .5 or 1e-3, the constants pi and e, and the functions sin cos tan exp log sqrt abs tanh sinh cosh atan. Write products with * (2*x, not 2x); −x^2 is −(x^2).&lt;/p&gt;&lt;p&gt;Its gradient and Hessian are exact (automatic differentiation). It is checked as you type and used as soon as it parses; Esc restores the formula in use.&lt;/p&gt;</source>
        <translation>&lt;p&gt;关于 x 和 y 的公式：+ − * / ^ ( )，数字如 2、1.5、.5 或 1e-3，常数 pi 和 e，以及函数 sin cos tan exp log sqrt abs tanh sinh cosh atan。乘法要写 *（写 2*x，不要写 2x）；−x^2 表示 −(x^2)。&lt;/p&gt;&lt;p&gt;其梯度和 Hessian 矩阵是精确的（自动微分）。输入时即时检查，一旦能解析就立即使用；按 Esc 恢复正在使用的公式。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>examples…</source>
        <translation>示例…</translation>
    </message>
    <message>
        <source>Put a textbook formula in the field, to run or to edit</source>
        <translation>将教科书上的公式放入输入框，可直接运行或编辑</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Where every optimizer starts. You can also click on the map or drag the start marker.</source>
        <translation>所有优化器的起点。也可以在图上单击或拖动起点标记。</translation>
    </message>
    <message>
        <source>%1 of the start point, any finite number in [−10⁶, 10⁶]. Type it and press Enter, or click on the map.</source>
        <translation>起点的 %1，[−10⁶, 10⁶] 内的任意有限数。输入后按 Enter，或在图上单击。</translation>
    </message>
    <message>
        <source>Start from the surface&apos;s default start point</source>
        <translation>从曲面的默认起点开始</translation>
    </message>
    <message>
        <source>Stochastic gradient</source>
        <translation>随机梯度</translation>
    </message>
    <message>
        <source>How the gradient every optimizer sees departs from the exact one: noise, clipping, mini-batches</source>
        <translation>各优化器看到的梯度与精确梯度有何不同：噪声、裁剪、小批量</translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation>噪声 σ</translation>
    </message>
    <message>
        <source>clip norm</source>
        <translation>裁剪范数</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>“%1” is not a finite number.</source>
        <translation>“%1”不是有限数。</translation>
    </message>
    <message>
        <source>%1 is outside [−10⁶, 10⁶].</source>
        <translation>%1 超出 [−10⁶, 10⁶]。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not applied.&lt;/b&gt; %1&lt;br&gt;Esc restores the start in use.</source>
        <translation>&lt;b&gt;未应用。&lt;/b&gt;%1&lt;br&gt;按 Esc 恢复正在使用的起点。</translation>
    </message>
    <message>
        <source>exact gradient and Hessian; write 2*x, not 2x</source>
        <translation>精确的梯度和 Hessian 矩阵；写 2*x，不要写 2x</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not applied.&lt;/b&gt; %1&lt;br&gt;Esc restores the formula in use.</source>
        <translation>&lt;b&gt;未应用。&lt;/b&gt;%1&lt;br&gt;按 Esc 恢复正在使用的公式。</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Exact value: %1</source>
        <translation>精确值：%1</translation>
    </message>
</context>
</TS>
