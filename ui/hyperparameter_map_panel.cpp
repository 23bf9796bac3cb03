#include "hyperparameter_map_panel.h"

#include "basin_map_painter.h"
#include "palette.h"
#include "spaced_ticker.h"
#include "translation.h"
#include "viridis_gradient.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

const QColor inkColour(0x22, 0x22, 0x22);
const QColor frameColour(0x4A, 0x4A, 0x4A);
const QColor unreachedColour = basins::noneColour();

// Losses this far below the minimum value are shown as this: a log axis cannot show 0,
// and twelve decades below the loss scale is converged for any purpose.
constexpr double lossFloor = 1e-12;
constexpr int debounceMs = 120;

QFont plotFont(int pixels, bool bold = false)
{
    return figureFontWithFamilies(pixels, bold);
}

// Plot coordinates: log10 of the value on a log axis, so that the evenly spaced runs of
// a log sweep are evenly spaced cells of the heat map.
double toAxis(double value, bool logarithmic)
{
    return logarithmic ? std::log10(value) : value;
}

double fromAxis(double coordinate, bool logarithmic)
{
    return logarithmic ? std::pow(10.0, coordinate) : coordinate;
}

QString numberText(double value)
{
    return QString::number(value, 'g', 4);
}

// Ticks for an axis in log10 coordinates, labelled with the values: powers of ten (10ⁿ),
// or 1, 2 and 5 in each decade as plain numbers where a short range has room.
QSharedPointer<QCPAxisTicker> logTicker(QCPAxis* axis)
{
    return QSharedPointer<QCPAxisTicker>(new Log10CoordinateTicker(axis, 60.0));
}

void styleAxis(QCPAxis* axis)
{
    axis->setBasePen(QPen(frameColour, 1.0));
    axis->setTickPen(QPen(frameColour, 1.0));
    axis->setSubTickPen(QPen(frameColour, 1.0));
    axis->setTickLabelColor(inkColour);
    axis->setLabelColor(inkColour);
    axis->grid()->setPen(QPen(QColor(0xE2, 0xE2, 0xE2), 1.0));
    axis->setSelectableParts(QCPAxis::spNone);
}

// The range an axis starts with for a parameter at `current`: two decades either way
// on a log scale, the parameter's own range on a linear one (short of an open end).
void defaultRange(const ParameterSpec& spec, double current, double& low, double& high, bool& log)
{
    const double span = spec.maximum - spec.minimum;
    if (spec.scale == Scale::Log) {
        log = true;
        const double base = current > 0.0 ? current : 1e-3;
        low = base / 100.0;
        high = base * 100.0;
        if (spec.minimum > 0.0 || spec.minimumExclusive)
            low = std::max(low, spec.minimum > 0.0 ? spec.minimum : low);
        high = std::min(high, spec.maximum);
        return;
    }
    log = false;
    low = spec.minimum + (spec.minimumExclusive ? 0.01 * std::min(span, 1.0) : 0.0);
    high = span <= 10.0 ? spec.maximum : std::min(spec.maximum, std::max(1.0, 10.0 * current));
    if (spec.maximumExclusive)
        high -= 0.01 * std::min(span, 1.0);
    if (spec.scale == Scale::Integer) {
        low = std::ceil(low);
        high = std::floor(std::min(high, low + 50.0));
    }
}

bool isSgdFamily(const std::string& name)
{
    const OptimizerInfo* info = findOptimizer(name);
    return info && (info->name == "sgd" || info->aliasOf == "sgd");
}

// Whether the textbook stability result holds exactly for this run: torch's SGD, exact
// full gradients, a constant learning rate.
bool theoryApplies(const Scene& scene, const OptimizerEntry& entry)
{
    return isSgdFamily(entry.name) && entry.schedule == "constant" && scene.gradient.noise == 0.0
        && scene.gradient.batchSize == 0 && scene.gradient.clipNorm == 0.0;
}

std::optional<double> sgdEdge(const Curvature& curvature, const ParameterValues& parameters)
{
    auto value = [&](const char* name) {
        const auto it = parameters.find(name);
        return it == parameters.end() ? 0.0 : it->second;
    };
    return sgdLearningRateEdge(curvature, value("momentum"), value("dampening"),
        value("nesterov") != 0.0, value("weight_decay"));
}

QPixmap swatch(const QColor& colour, int side)
{
    QPixmap pixmap(side, side);
    pixmap.fill(colour);
    return pixmap;
}

} // namespace

HyperparameterMapPanel::HyperparameterMapPanel(QWidget* parent)
    : QWidget(parent)
    , runs_(new BackgroundRuns(this))
    , debounce_(new QTimer(this))
    , progressTimer_(new QTimer(this))
    , entryBox_(new QComboBox(this))
    , measureBox_(new QComboBox(this))
    , resolutionBox_(new QComboBox(this))
    , toleranceEdit_(new QLineEdit(this))
    , plots_(new QStackedWidget(this))
    , curvePlot_(new QCustomPlot(this))
    , mapPlot_(new QCustomPlot(this))
    , legendLabel_(new QLabel(this))
    , statusLabel_(new QLabel(this))
    , readoutLabel_(new QLabel(this))
{
    setObjectName("hyperparameterMapPanel");
    debounce_->setSingleShot(true);
    debounce_->setInterval(debounceMs);
    progressTimer_->setInterval(150);

    // The controls and texts in one column beside the plot in a wide dock (below the
    // figure), above it in a tall one: either way the plot gets the longer side.
    layout_ = new QBoxLayout(QBoxLayout::TopToBottom, this);
    layout_->setContentsMargins(8, 6, 8, 6);
    layout_->setSpacing(10);
    side_ = new QWidget(this);
    auto* layout = new QVBoxLayout(side_);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    entryBox_->setToolTip(tr("The optimizer of the scene whose hyperparameters are mapped"));
    measureBox_->addItem(tr("Final loss"));
    measureBox_->addItem(tr("Steps to tolerance"));
    measureBox_->setToolTip(tr("Colour by the loss after the last step (above the known "
                               "minimum), or by the first step within the tolerance of it"));
    grid->addWidget(new QLabel(tr("Optimizer"), this), 0, 0);
    grid->addWidget(entryBox_, 0, 1, 1, 5);
    const QString axisNames[2] = {tr("Across"), tr("Up")};
    for (int a = 0; a < 2; ++a) {
        AxisControls& c = axes_[a];
        c.name = new QComboBox(this);
        c.low = new QLineEdit(this);
        c.high = new QLineEdit(this);
        c.logarithmic = new QCheckBox(tr("log"), this);
        c.name->setToolTip(a == 0 ? tr("The hyperparameter varied across")
                                  : tr("The hyperparameter varied up: none for a curve"));
        c.low->setToolTip(tr("From"));
        c.high->setToolTip(tr("To"));
        c.logarithmic->setToolTip(tr("Space the values evenly on a log scale"));
        for (QLineEdit* edit : {c.low, c.high})
            edit->setMaximumWidth(fontMetrics().horizontalAdvance("0.000000000"));
        grid->addWidget(new QLabel(axisNames[a], this), a + 1, 0);
        grid->addWidget(c.name, a + 1, 1);
        grid->addWidget(c.low, a + 1, 2);
        grid->addWidget(new QLabel(tr("to"), this), a + 1, 3, Qt::AlignCenter);
        grid->addWidget(c.high, a + 1, 4);
        grid->addWidget(c.logarithmic, a + 1, 5);
        connect(c.name, &QComboBox::currentIndexChanged, this, [this, a] {
            if (filling_)
                return;
            // A new parameter starts at its default range.
            const AxisControls& changed = axes_[a];
            const std::string name = changed.name->currentData().toString().toStdString();
            const OptimizerEntry* entry = entryIndex_ < scene_.optimizers.size()
                ? &scene_.optimizers[entryIndex_]
                : nullptr;
            const OptimizerInfo* info = entry ? findOptimizer(entry->name) : nullptr;
            const ParameterSpec* spec = info ? findParameter(info->parameters, name) : nullptr;
            if (spec) {
                double low = 0.0, high = 1.0;
                bool log = false;
                defaultRange(*spec,
                    entry->parameters.count(name) ? entry->parameters.at(name) : spec->defaultValue,
                    low, high, log);
                const QSignalBlocker blocker(changed.logarithmic);
                changed.low->setText(numberText(low));
                changed.high->setText(numberText(high));
                changed.logarithmic->setChecked(log);
            }
            onControlsEdited();
        });
        connect(
            c.low, &QLineEdit::editingFinished, this, &HyperparameterMapPanel::onControlsEdited);
        connect(
            c.high, &QLineEdit::editingFinished, this, &HyperparameterMapPanel::onControlsEdited);
        connect(
            c.logarithmic, &QCheckBox::toggled, this, &HyperparameterMapPanel::onControlsEdited);
    }
    resolutionBox_->addItem(tr("Coarse (25 × 25)"), 25);
    resolutionBox_->addItem(tr("Medium (50 × 50)"), 50);
    resolutionBox_->addItem(tr("Fine (100 × 100)"), 100);
    resolutionBox_->setCurrentIndex(1);
    resolutionBox_->setToolTip(tr("Runs per axis of a map (a curve has three times as many)"));
    toleranceEdit_->setText(numberText(tolerance_));
    toleranceEdit_->setToolTip(tr("Steps to tolerance: the first step whose loss is within this "
                                  "of the lowest known minimum"));
    toleranceEdit_->setMaximumWidth(fontMetrics().horizontalAdvance("0.000000000"));
    auto* settings = new QHBoxLayout;
    settings->addWidget(measureBox_);
    settings->addSpacing(8);
    settings->addWidget(new QLabel(tr("Runs"), this));
    settings->addWidget(resolutionBox_);
    settings->addSpacing(8);
    settings->addWidget(new QLabel(tr("Tolerance"), this));
    settings->addWidget(toleranceEdit_);
    settings->addStretch(1);
    grid->addWidget(new QLabel(tr("Show"), this), 3, 0);
    grid->addLayout(settings, 3, 1, 1, 6);
    grid->setColumnStretch(6, 1); // the controls at their natural width, the rest empty
    layout->addLayout(grid);
    legendLabel_->setTextFormat(Qt::RichText);
    legendLabel_->setWordWrap(true);
    layout->addWidget(legendLabel_);
    readoutLabel_->setWordWrap(true);
    layout->addWidget(readoutLabel_);
    statusLabel_->setWordWrap(true);
    statusLabel_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(statusLabel_);
    layout->addStretch(1);
    layout_->addWidget(side_);

    plots_->addWidget(curvePlot_);
    plots_->addWidget(mapPlot_);
    plots_->setMinimumHeight(180);
    layout_->addWidget(plots_, 1);
    buildPlots();

    connect(entryBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!filling_ && index >= 0)
            setEntry(index);
    });
    connect(measureBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!filling_)
            setMeasure(index == 0 ? Measure::FinalLoss : Measure::StepsToTolerance);
    });
    connect(resolutionBox_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filling_)
            setResolution(resolutionBox_->currentData().toInt());
    });
    connect(toleranceEdit_, &QLineEdit::editingFinished, this,
        &HyperparameterMapPanel::onControlsEdited);
    connect(debounce_, &QTimer::timeout, this, &HyperparameterMapPanel::compute);
    connect(progressTimer_, &QTimer::timeout, this, &HyperparameterMapPanel::updateProgress);
    connect(runs_, &BackgroundRuns::failed, this, [this](const QString& message) {
        progressTimer_->stop();
        setStatus(message, true);
    });
}

void HyperparameterMapPanel::buildPlots()
{
    const QFont tickFont = plotFont(15);
    const QFont labelFont = plotFont(16);
    for (QCustomPlot* plot : {curvePlot_, mapPlot_}) {
        plot->setMinimumSize(240, 180);
        plot->setLocale(QLocale::c()); // numbers as in the figure, in every language
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            styleAxis(axis);
            axis->setTickLabelFont(tickFont);
            axis->setLabelFont(labelFont);
        }
        plot->setCursor(Qt::CrossCursor);
        plot->setMouseTracking(true);
        connect(plot, &QCustomPlot::mousePress, this, &HyperparameterMapPanel::onPlotClicked);
        connect(plot, &QCustomPlot::mouseMove, this, &HyperparameterMapPanel::onPlotHovered);
    }

    // The curve: the measure, ✕ on top for diverged runs, ○ for runs never within tolerance.
    curve_ = curvePlot_->addGraph();
    curve_->setPen(QPen(palette::pathColour(1), 2.5));
    curve_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4.0));
    curveDiverged_ = curvePlot_->addGraph();
    curveDiverged_->setLineStyle(QCPGraph::lsNone);
    curveDiverged_->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCross, QPen(basins::divergedColour(), 2.0), Qt::NoBrush, 9.0));
    curveUnreached_ = curvePlot_->addGraph();
    curveUnreached_->setLineStyle(QCPGraph::lsNone);
    curveUnreached_->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, QPen(QColor(0x80, 0x80, 0x80), 2.0), Qt::NoBrush, 8.0));
    curveTheoryHalo_ = new QCPItemStraightLine(curvePlot_);
    curveTheoryHalo_->setPen(QPen(Qt::white, 6.0));
    curveTheory_ = new QCPItemStraightLine(curvePlot_);
    curveTheory_->setPen(QPen(inkColour, 2.5, Qt::DashLine));
    curveTheoryLabel_ = new QCPItemText(curvePlot_);
    curveCurrent_ = new QCPItemStraightLine(curvePlot_);
    curveTheoryLabel_->setFont(plotFont(15, true));
    curveTheoryLabel_->setColor(inkColour);
    curveTheoryLabel_->setBrush(QColor(255, 255, 255, 220));
    curveTheoryLabel_->setPadding(QMargins(4, 2, 4, 2));
    curveTheoryLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    curveTheoryLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);

    // The map: the measure in colour, diverged and never-reached cells over it.
    map_ = new QCPColorMap(mapPlot_->xAxis, mapPlot_->yAxis);
    map_->setInterpolate(false);
    marks_ = new QCPColorMap(mapPlot_->xAxis, mapPlot_->yAxis);
    marks_->setInterpolate(false);
    QCPColorGradient marksGradient;
    marksGradient.clearColorStops();
    marksGradient.setColorStopAt(0.0, basins::divergedColour());
    marksGradient.setColorStopAt(1.0, unreachedColour);
    marksGradient.setLevelCount(2);
    marksGradient.setNanHandling(QCPColorGradient::nhTransparent);
    marks_->setGradient(marksGradient);
    marks_->setDataRange(QCPRange(0.0, 1.0));
    colourScale_ = new QCPColorScale(mapPlot_);
    mapPlot_->plotLayout()->addElement(0, 1, colourScale_);
    colourScale_->setType(QCPAxis::atRight);
    colourScale_->setBarWidth(16);
    colourScale_->setRangeDrag(false);
    colourScale_->setRangeZoom(false);
    colourScale_->setGradient(viridisGradient(512));
    styleAxis(colourScale_->axis());
    colourScale_->axis()->setTickLabelFont(tickFont);
    colourScale_->axis()->setLabelFont(labelFont);
    map_->setColorScale(colourScale_);
    auto* margins = new QCPMarginGroup(mapPlot_);
    mapPlot_->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    colourScale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    mapTheoryHalo_ = new QCPCurve(mapPlot_->xAxis, mapPlot_->yAxis);
    mapTheoryHalo_->setPen(QPen(Qt::white, 6.5));
    mapTheory_ = new QCPCurve(mapPlot_->xAxis, mapPlot_->yAxis);
    mapTheory_->setPen(QPen(inkColour, 3.0, Qt::DashLine));
    mapTheoryLabel_ = new QCPItemText(mapPlot_);
    mapTheoryLabel_->setFont(plotFont(15, true));
    mapTheoryLabel_->setColor(inkColour);
    mapTheoryLabel_->setBrush(QColor(255, 255, 255, 220));
    mapTheoryLabel_->setPadding(QMargins(4, 2, 4, 2));
    mapTheoryLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    mapTheoryLabel_->position->setCoords(0.02, 0.02);
    mapTheoryLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    mapCurrent_ = new QCPGraph(mapPlot_->xAxis, mapPlot_->yAxis);
    mapCurrent_->setLineStyle(QCPGraph::lsNone);
    const QList<QCPAbstractPlottable*> plottables {curve_, curveDiverged_, curveUnreached_, map_,
        marks_, mapTheoryHalo_, mapTheory_, mapCurrent_};
    for (QCPAbstractPlottable* plottable : plottables)
        plottable->setSelectable(QCP::stNone);
    const QList<QCPAbstractItem*> items {
        curveTheoryHalo_, curveTheory_, curveTheoryLabel_, curveCurrent_, mapTheoryLabel_};
    for (QCPAbstractItem* item : items) {
        item->setSelectable(false);
        item->setVisible(false);
    }
    mapTheoryHalo_->setVisible(false);
    mapTheory_->setVisible(false);
}

int HyperparameterMapPanel::theoryCurvePoints() const
{
    if (!mapTheory_->visible())
        return 0;
    int finite = 0;
    for (auto it = mapTheory_->data()->constBegin(); it != mapTheory_->data()->constEnd(); ++it)
        finite += std::isfinite(it->key) && std::isfinite(it->value) ? 1 : 0;
    return finite;
}

QCustomPlot* HyperparameterMapPanel::currentPlot() const
{
    return plots_->currentWidget() == mapPlot_ ? mapPlot_ : curvePlot_;
}

QString HyperparameterMapPanel::statusText() const
{
    return statusLabel_->text();
}

void HyperparameterMapPanel::setStatus(const QString& text, bool error)
{
    statusLabel_->setText(text);
    statusLabel_->setForegroundRole(error ? QPalette::Text : QPalette::PlaceholderText);
    statusLabel_->setStyleSheet(error ? QStringLiteral("color: #B00020;") : QString());
}

void HyperparameterMapPanel::setScene(const Scene& scene)
{
    const bool surfaceChanged = !surface_ || scene.surface != scene_.surface
        || scene.surfaceParameters != scene_.surfaceParameters
        || scene.expression != scene_.expression || !(scene.view == scene_.view);
    std::unique_ptr<Surface> surface;
    if (surfaceChanged) {
        try {
            surface = scene.makeSurface();
        } catch (const InvalidArgument& error) {
            setStatus(QString::fromUtf8(error.what()), true);
            return;
        }
    }
    scene_ = scene;
    if (surface)
        surface_ = std::move(surface);
    if (entryIndex_ >= scene_.optimizers.size())
        entryIndex_ = 0;
    updateEntryBox();
    const bool optimizerChanged = entryIndex_ < scene_.optimizers.size()
        && scene_.optimizers[entryIndex_].name != entryName_;
    if (optimizerChanged)
        resetAxes();
    drawCurrentValues();
    scheduleCompute();
}

void HyperparameterMapPanel::updateEntryBox()
{
    filling_ = true;
    entryBox_->clear();
    const int side = fontMetrics().height() * 2 / 3;
    for (qsizetype i = 0; i < scene_.optimizers.size(); ++i)
        entryBox_->addItem(QIcon(swatch(scene_.optimizers[i].colour, side)),
            QStringLiteral("%1. %2").arg(i + 1).arg(scene_.optimizers[i].label()));
    entryBox_->setCurrentIndex(entryIndex_);
    filling_ = false;
}

void HyperparameterMapPanel::fillAxisNames()
{
    const OptimizerInfo* info = entryIndex_ < scene_.optimizers.size()
        ? findOptimizer(scene_.optimizers[entryIndex_].name)
        : nullptr;
    for (int a = 0; a < 2; ++a) {
        QComboBox* box = axes_[a].name;
        box->clear();
        if (a == 1)
            box->addItem(tr("none (a curve)"), QString());
        if (!info)
            continue;
        for (const ParameterSpec& spec : info->parameters)
            if (spec.scale != Scale::Boolean) // a flag makes two runs, not a map
                box->addItem(QString::fromStdString(spec.name), QString::fromStdString(spec.name));
    }
}

void HyperparameterMapPanel::resetAxes()
{
    filling_ = true;
    const OptimizerEntry& entry = scene_.optimizers[entryIndex_];
    entryName_ = entry.name;
    fillAxisNames();
    const OptimizerInfo* info = findOptimizer(entry.name);
    auto setAxis = [&](int a, const std::string& name) {
        AxisControls& c = axes_[a];
        c.name->setCurrentIndex(std::max(0, c.name->findData(QString::fromStdString(name))));
        const ParameterSpec* spec = info ? findParameter(info->parameters, name) : nullptr;
        if (!spec) {
            c.low->clear();
            c.high->clear();
            return;
        }
        double low = 0.0, high = 1.0;
        bool log = false;
        const double current
            = entry.parameters.count(name) ? entry.parameters.at(name) : spec->defaultValue;
        defaultRange(*spec, current, low, high, log);
        // Where theory knows the edge of stability, frame it.
        if (name == "lr" && surface_ && theoryApplies(scene_, entry)) {
            if (const auto curvature
                = constantCurvature(*surface_, scene_.effectiveView(*surface_))) {
                const auto edge = sgdEdge(*curvature, entry.parameters);
                if (edge && std::isfinite(*edge)) {
                    low = *edge / 100.0;
                    high = std::min(spec->maximum, *edge * 2.0);
                }
            }
        }
        c.low->setText(numberText(low));
        c.high->setText(numberText(high));
        c.logarithmic->setChecked(log);
    };
    const bool hasLr = info && findParameter(info->parameters, "lr");
    setAxis(0, hasLr ? "lr" : (info && !info->parameters.empty() ? info->parameters[0].name : ""));
    // Heavy-ball and Nesterov momentum get their (lr, momentum) map; the others a curve.
    const bool momentum = isSgdFamily(entry.name) && entry.parameters.count("momentum")
        && entry.parameters.at("momentum") > 0.0;
    if (momentum) {
        setAxis(1, "momentum");
    } else {
        axes_[1].name->setCurrentIndex(0);
        axes_[1].low->clear();
        axes_[1].high->clear();
        axes_[1].logarithmic->setChecked(false);
    }
    filling_ = false;
}

void HyperparameterMapPanel::setEntry(int index)
{
    if (index < 0 || index >= scene_.optimizers.size())
        return;
    entryIndex_ = index;
    filling_ = true;
    entryBox_->setCurrentIndex(index);
    filling_ = false;
    resetAxes();
    drawCurrentValues();
    scheduleCompute();
}

void HyperparameterMapPanel::setAxis(
    int axis, const std::string& name, double low, double high, bool logarithmic)
{
    if (axis < 0 || axis > 1)
        return;
    filling_ = true;
    AxisControls& c = axes_[axis];
    c.name->setCurrentIndex(std::max(0, c.name->findData(QString::fromStdString(name))));
    c.low->setText(name.empty() ? QString() : numberText(low));
    c.high->setText(name.empty() ? QString() : numberText(high));
    c.logarithmic->setChecked(logarithmic);
    filling_ = false;
    onControlsEdited();
}

void HyperparameterMapPanel::setMeasure(Measure measure)
{
    measure_ = measure;
    filling_ = true;
    measureBox_->setCurrentIndex(measure == Measure::FinalLoss ? 0 : 1);
    filling_ = false;
    if (shown_)
        showResult();
}

void HyperparameterMapPanel::setResolution(int perAxis)
{
    resolution_ = std::clamp(perAxis, SweepAxis::minCount, 300);
    filling_ = true;
    const int index = resolutionBox_->findData(resolution_);
    if (index >= 0)
        resolutionBox_->setCurrentIndex(index);
    filling_ = false;
    onControlsEdited();
}

void HyperparameterMapPanel::setTolerance(double tolerance)
{
    toleranceEdit_->setText(numberText(tolerance));
    onControlsEdited();
}

void HyperparameterMapPanel::onControlsEdited()
{
    if (filling_)
        return;
    double tolerance = 0.0;
    if (!parseDouble(toleranceEdit_->text().trimmed().toStdString(), tolerance)
        || tolerance < 0.0) {
        setStatus(tr("Tolerance '%1' is not accepted; accepted: a number ≥ 0, e.g. 1e-6")
                      .arg(toleranceEdit_->text()),
            true);
        return;
    }
    tolerance_ = tolerance;
    drawCurrentValues();
    scheduleCompute();
}

std::optional<std::vector<SweepAxis>> HyperparameterMapPanel::axesFromControls(QString* error) const
{
    if (entryIndex_ >= scene_.optimizers.size()) {
        *error = tr("No optimizer in the scene: add one in the Optimizers panel.");
        return std::nullopt;
    }
    const OptimizerInfo* info = findOptimizer(scene_.optimizers[entryIndex_].name);
    if (!info) {
        *error = tr("Unknown optimizer");
        return std::nullopt;
    }
    std::vector<SweepAxis> axes;
    for (int a = 0; a < 2; ++a) {
        const AxisControls& c = axes_[a];
        const std::string name = c.name->currentData().toString().toStdString();
        if (name.empty())
            continue;
        SweepAxis axis;
        axis.name = name;
        axis.logarithmic = c.logarithmic->isChecked();
        if (!parseDouble(c.low->text().trimmed().toStdString(), axis.low)
            || !parseDouble(c.high->text().trimmed().toStdString(), axis.high)) {
            *error = tr("%1: the range needs two numbers, from and to").arg(c.name->currentText());
            return std::nullopt;
        }
        const bool curve = axes_[1].name->currentData().toString().isEmpty();
        axis.count = curve ? 3 * resolution_ : resolution_;
        if (const ParameterSpec* spec = findParameter(info->parameters, name);
            spec && spec->scale == Scale::Integer)
            axis.count = std::clamp(int(std::floor(axis.high) - std::ceil(axis.low)) + 1,
                SweepAxis::minCount, axis.count);
        try {
            axis.check(*info);
        } catch (const InvalidArgument& failure) {
            *error = QString::fromUtf8(failure.what());
            return std::nullopt;
        }
        axes.push_back(axis);
    }
    if (axes.size() == 2 && axes[0].name == axes[1].name) {
        *error = tr("Choose two different parameters, or none up for a curve");
        return std::nullopt;
    }
    if (axes.empty()) {
        *error = tr("Choose a parameter to vary across");
        return std::nullopt;
    }
    return axes;
}

Scene HyperparameterMapPanel::requestScene(const std::vector<SweepAxis>& axes) const
{
    // The scene reduced to what the map depends on: a change anywhere else (the view,
    // the layout, another optimizer, the value of a varied parameter) keeps the map.
    Scene reduced = scene_;
    reduced.view.reset();
    reduced.layout = SceneLayout::Overlay;
    reduced.lossMeasure = LossMeasure::Loss;
    reduced.title.clear();
    reduced.text.clear();
    OptimizerEntry entry = scene_.optimizers[entryIndex_];
    for (const SweepAxis& axis : axes)
        entry.parameters.erase(axis.name);
    entry.colour = QColor();
    entry.enabled = true;
    reduced.optimizers = {entry};
    reduced.start = scene_.effectiveStart(*surface_);
    return reduced;
}

void HyperparameterMapPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool wide = width() > 900 && width() > 1.6 * height();
    layout_->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    side_->setMaximumWidth(wide ? std::max(420, width() / 3) : QWIDGETSIZE_MAX);
}

void HyperparameterMapPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (dirty_)
        scheduleCompute();
}

void HyperparameterMapPanel::scheduleCompute()
{
    if (!isVisible()) {
        dirty_ = true; // computed when shown: no work for a closed dock
        runs_->cancel();
        progressTimer_->stop();
        return;
    }
    debounce_->start();
}

void HyperparameterMapPanel::compute()
{
    if (!isVisible() || !surface_) {
        dirty_ = true;
        return;
    }
    dirty_ = false;
    QString error;
    const auto axes = axesFromControls(&error);
    if (!axes) {
        runs_->cancel();
        progressTimer_->stop();
        requested_.reset();
        setStatus(error, true);
        return;
    }
    const Request request {requestScene(*axes), *axes, tolerance_};
    if (requested_ && *requested_ == request && (runs_->isRunning() || shownRequest_ == request))
        return;
    requested_ = request;

    const OptimizerEntry& entry = scene_.optimizers[entryIndex_];
    RunSetup setup;
    setup.surface = [scene = request.scene] { return scene.makeSurface(); };
    setup.optimizer = entry.name;
    setup.parameters = entry.parameters;
    setup.gradient = scene_.gradient;
    setup.steps = scene_.steps;
    try {
        setup.schedule = entry.makeSchedule();
    } catch (const InvalidArgument& failure) {
        setStatus(QString::fromUtf8(failure.what()), true);
        return;
    }
    const Point2 start = *request.scene.start;
    const double tolerance = tolerance_;
    const std::vector<SweepAxis> sweepAxes = *axes;
    long long total = 1;
    for (const SweepAxis& axis : sweepAxes)
        total *= axis.count;
    auto result = std::make_shared<SweepResult>();
    computeStarted_ = QDateTime::currentMSecsSinceEpoch();
    runs_->start(
        [setup, start, sweepAxes, tolerance, result](const ParallelControl& control) {
            *result = runSweep(setup, start, sweepAxes, tolerance, control);
        },
        [this, result, request] {
            progressTimer_->stop();
            if (!result->complete)
                return;
            shown_ = result;
            shownRequest_ = request;
            const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - computeStarted_;
            setStatus(tr("%1 runs of %2 steps in %3 s. Click to load those values into the "
                         "optimizer.")
                          .arg(result->runs.size())
                          .arg(scene_.steps)
                          .arg(elapsed / 1000.0, 0, 'f', 2));
            showResult();
            emit mapShown();
        },
        total);
    progressTimer_->start();
    updateProgress();
}

void HyperparameterMapPanel::updateProgress()
{
    if (!runs_->isRunning()) {
        progressTimer_->stop();
        return;
    }
    setStatus(tr("Computing… %1 %").arg(int(100.0 * runs_->progress())));
}

double HyperparameterMapPanel::displayValue(const SweepRun& run, bool* marked, int* mark) const
{
    *marked = false;
    if (run.diverged) {
        *marked = true;
        *mark = 0;
        return 0.0;
    }
    if (measure_ == Measure::StepsToTolerance) {
        if (run.stepsToTolerance < 0) {
            *marked = true;
            *mark = 1;
            return 0.0;
        }
        return double(run.stepsToTolerance);
    }
    if (shown_->hasMinimum)
        return std::max(run.finalLoss - shown_->minimumValue, lossFloor);
    return run.finalLoss;
}

void HyperparameterMapPanel::showResult()
{
    if (!shown_)
        return;
    if (shown_->axes.size() == 1)
        showCurve();
    else
        showMap();
    drawTheory();
    drawCurrentValues();
    QStringList legend;
    legend << tr("<span style='color:#262626'>■</span> diverged");
    if (measure_ == Measure::StepsToTolerance)
        legend << tr("<span style='color:#bbbbbb'>■</span> never within tolerance");
    if (theoryEdge_ || theoryCurvePoints() > 0)
        legend << tr("<b>- - -</b> edge of stability (theory)");
    legendLabel_->setText(legend.join(QStringLiteral(" &nbsp;&nbsp; ")));
    currentPlot()->replot();
}

void HyperparameterMapPanel::showCurve()
{
    plots_->setCurrentWidget(curvePlot_);
    const SweepAxis& axis = shown_->axes[0];
    const std::vector<double>& values = shown_->values[0];
    const bool logLoss = measure_ == Measure::FinalLoss && shown_->hasMinimum;
    QVector<double> keys, measured, divergedKeys, unreachedKeys;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (std::size_t i = 0; i < values.size(); ++i) {
        bool marked = false;
        int mark = 0;
        const double value = displayValue(shown_->runs[i], &marked, &mark);
        const double key = toAxis(values[i], axis.logarithmic);
        keys.append(key);
        measured.append(marked || !std::isfinite(value) ? std::nan("") : value);
        if (marked)
            (mark == 0 ? divergedKeys : unreachedKeys).append(key);
        else if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    curve_->setData(keys, measured, true);

    QCPAxis* y = curvePlot_->yAxis;
    if (!(low <= high)) { // nothing but marks
        low = logLoss ? 1e-3 : 0.0;
        high = logLoss ? 1.0 : 1.0;
    }
    double markAt = 0.0;
    if (logLoss) {
        setLogAxis(y, 45.0);
        const double top = high * 10.0;
        y->setRange(low / 3.0, top);
        markAt = top / 2.0;
    } else {
        setLinearAxis(y, 45.0);
        const double pad = std::max(1e-12, 0.08 * (high - low) + (high == low ? 1.0 : 0.0));
        y->setRange(low - pad, high + 2.0 * pad);
        markAt = high + 1.3 * pad;
    }
    curveDiverged_->setData(divergedKeys, QVector<double>(divergedKeys.size(), markAt), true);
    curveUnreached_->setData(unreachedKeys, QVector<double>(unreachedKeys.size(), markAt), true);
    QCPAxis* x = curvePlot_->xAxis;
    const double first = toAxis(values.front(), axis.logarithmic);
    const double last = toAxis(values.back(), axis.logarithmic);
    const double margin = 0.02 * (last - first);
    x->setRange(first - margin, last + margin);
    if (axis.logarithmic)
        x->setTicker(logTicker(x));
    else
        setLinearAxis(x, 60.0);
    x->setLabel(QString::fromStdString(axis.name) + (axis.logarithmic ? tr(" (log scale)") : ""));
    y->setLabel(measure_ == Measure::StepsToTolerance ? tr("steps to tolerance")
            : shown_->hasMinimum                      ? tr("final loss − minimum")
                                                      : tr("final loss"));
}

void HyperparameterMapPanel::showMap()
{
    plots_->setCurrentWidget(mapPlot_);
    const SweepAxis& across = shown_->axes[0];
    const SweepAxis& up = shown_->axes[1];
    const std::vector<double>& xs = shown_->values[0];
    const std::vector<double>& ys = shown_->values[1];
    const int nx = int(xs.size());
    const int ny = int(ys.size());
    const QCPRange keyRange(
        toAxis(xs.front(), across.logarithmic), toAxis(xs.back(), across.logarithmic));
    const QCPRange valueRange(
        toAxis(ys.front(), up.logarithmic), toAxis(ys.back(), up.logarithmic));
    auto* cells = new QCPColorMapData(nx, ny, keyRange, valueRange);
    auto* markData = new QCPColorMapData(nx, ny, keyRange, valueRange);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j) {
            bool marked = false;
            int mark = 0;
            const double value = displayValue(shown_->at(i, j), &marked, &mark);
            cells->setCell(i, j, marked || !std::isfinite(value) ? std::nan("") : value);
            markData->setCell(i, j, marked ? double(mark) : std::nan(""));
            if (!marked && std::isfinite(value)) {
                low = std::min(low, value);
                high = std::max(high, value);
            }
        }
    map_->setData(cells, false);
    marks_->setData(markData, false);
    const bool logScale = measure_ == Measure::FinalLoss && shown_->hasMinimum;
    if (!(low <= high)) {
        low = logScale ? 1e-3 : 0.0;
        high = 1.0;
    }
    if (low == high) {
        low = logScale ? low / 2.0 : low - 1.0;
        high = logScale ? high * 2.0 : high + 1.0;
    }
    const QCPAxis::ScaleType scale = logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear;
    colourScale_->setDataScaleType(scale);
    map_->setDataScaleType(scale);
    if (logScale)
        setLogAxis(colourScale_->axis(), 45.0);
    else
        setLinearAxis(colourScale_->axis(), 45.0);
    map_->setDataRange(QCPRange(low, high));
    colourScale_->axis()->setLabel(measure_ == Measure::StepsToTolerance ? tr("steps to tolerance")
            : shown_->hasMinimum ? tr("final loss − minimum")
                                 : tr("final loss"));

    // Half a cell beyond the first and last centres.
    const double hx = 0.5 * keyRange.size() / std::max(1, nx - 1);
    const double hy = 0.5 * valueRange.size() / std::max(1, ny - 1);
    mapPlot_->xAxis->setRange(keyRange.lower - hx, keyRange.upper + hx);
    mapPlot_->yAxis->setRange(valueRange.lower - hy, valueRange.upper + hy);
    const SweepAxis* axes[2] = {&across, &up};
    QCPAxis* plotAxes[2] = {mapPlot_->xAxis, mapPlot_->yAxis};
    for (int a = 0; a < 2; ++a) {
        if (axes[a]->logarithmic)
            plotAxes[a]->setTicker(logTicker(plotAxes[a]));
        else
            setLinearAxis(plotAxes[a], a == 0 ? 60.0 : 45.0);
        plotAxes[a]->setLabel(QString::fromStdString(axes[a]->name)
            + (axes[a]->logarithmic ? tr(" (log scale)") : ""));
        plotAxes[a]->grid()->setVisible(false);
    }
}

void HyperparameterMapPanel::drawTheory()
{
    theoryEdge_.reset();
    const QList<QCPAbstractItem*> items {
        curveTheoryHalo_, curveTheory_, curveTheoryLabel_, mapTheoryLabel_};
    for (QCPAbstractItem* item : items)
        item->setVisible(false);
    mapTheoryHalo_->setVisible(false);
    mapTheory_->setVisible(false);
    if (!shown_ || !shownRequest_)
        return;
    const Scene& shownScene = shownRequest_->scene;
    const OptimizerEntry& entry = shownScene.optimizers.front();
    if (!theoryApplies(shownScene, entry))
        return;
    std::unique_ptr<Surface> surface;
    try {
        surface = shownScene.makeSurface();
    } catch (const InvalidArgument&) {
        return;
    }
    const auto curvature = constantCurvature(*surface, scene_.effectiveView(*surface));
    if (!curvature)
        return;
    const OptimizerInfo* info = findOptimizer(entry.name);
    // The entry's parameters as the runs had them; the varied ones are set per sample
    // below (lr itself does not enter the edge).
    ParameterValues parameters = resolveParameters(info->parameters, {}, info->name);
    for (const auto& [name, value] : entry.parameters)
        parameters[name] = value;
    const double momentum = parameters["momentum"];
    const bool nesterov = parameters["nesterov"] != 0.0;
    const QString formula = nesterov ? tr("lr = 2(1+m)/((1+2m)L)")
        : momentum > 0.0             ? tr("lr = 2(1+m)/L")
                                     : tr("lr = 2/L");

    if (shown_->axes.size() == 1) {
        const SweepAxis& axis = shown_->axes[0];
        if (axis.name != "lr")
            return;
        const auto edge = sgdEdge(*curvature, parameters);
        if (!edge || !std::isfinite(*edge))
            return;
        theoryEdge_ = *edge;
        const double key = toAxis(*edge, axis.logarithmic);
        for (QCPItemStraightLine* line : {curveTheoryHalo_, curveTheory_}) {
            line->point1->setCoords(key, 0.0);
            line->point2->setCoords(key, 1.0);
            line->setVisible(true);
        }
        curveTheoryLabel_->position->setCoords(key, 0.03);
        curveTheoryLabel_->setText(
            tr(" edge of stability: %1 = %2 (L = %3)")
                .arg(formula, numberText(*edge), numberText(curvature->largest)));
        // Right of the line unless that runs off the plot.
        const bool right = key < curvePlot_->xAxis->range().center();
        curveTheoryLabel_->setPositionAlignment(
            (right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);
        curveTheoryLabel_->setVisible(true);
        return;
    }

    // A map with lr on one axis: the edge lr as a function of the other parameter.
    const int lrAxis = shown_->axes[0].name == "lr" ? 0 : shown_->axes[1].name == "lr" ? 1 : -1;
    if (lrAxis < 0)
        return;
    const SweepAxis& lr = shown_->axes[lrAxis];
    const SweepAxis& other = shown_->axes[1 - lrAxis];
    QVector<double> ts, keys, values;
    constexpr int samples = 400;
    for (int k = 0; k <= samples; ++k) {
        const double t = double(k) / samples;
        const double coordinate = toAxis(other.low, other.logarithmic)
            + t * (toAxis(other.high, other.logarithmic) - toAxis(other.low, other.logarithmic));
        ParameterValues at = parameters;
        at[other.name] = fromAxis(coordinate, other.logarithmic);
        const auto edge = sgdEdge(*curvature, at);
        double lrCoordinate = std::nan("");
        if (edge && std::isfinite(*edge) && *edge > 0.0)
            lrCoordinate = toAxis(*edge, lr.logarithmic);
        ts.append(k);
        keys.append(lrAxis == 0 ? lrCoordinate : coordinate);
        values.append(lrAxis == 0 ? coordinate : lrCoordinate);
    }
    mapTheoryHalo_->setData(ts, keys, values, true);
    mapTheory_->setData(ts, keys, values, true);
    mapTheoryHalo_->setVisible(true);
    mapTheory_->setVisible(true);
    const QString otherName = QString::fromStdString(other.name);
    mapTheoryLabel_->setText(other.name == "momentum"
            ? tr("edge of stability (theory): %1, L = %2")
                  .arg(formula, numberText(curvature->largest))
            : tr("edge of stability (theory) over %1, L = %2")
                  .arg(otherName, numberText(curvature->largest)));
    mapTheoryLabel_->setVisible(true);
}

void HyperparameterMapPanel::drawCurrentValues()
{
    curveCurrent_->setVisible(false);
    mapCurrent_->data()->clear();
    if (!shown_ || entryIndex_ >= scene_.optimizers.size())
        return;
    const OptimizerEntry& entry = scene_.optimizers[entryIndex_];
    if (entry.name != shownRequest_->scene.optimizers.front().name)
        return;
    auto valueOf = [&](const SweepAxis& axis, double& value) {
        const auto it = entry.parameters.find(axis.name);
        if (it == entry.parameters.end())
            return false;
        value = toAxis(it->second, axis.logarithmic);
        return std::isfinite(value);
    };
    const QColor colour = entry.colour.isValid() ? entry.colour : inkColour;
    double x = 0.0, y = 0.0;
    if (shown_->axes.size() == 1) {
        if (!valueOf(shown_->axes[0], x))
            return;
        curveCurrent_->setPen(QPen(colour, 2.5));
        curveCurrent_->point1->setCoords(x, 0.0);
        curveCurrent_->point2->setCoords(x, 1.0);
        curveCurrent_->setVisible(true);
        curvePlot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    if (!valueOf(shown_->axes[0], x) || !valueOf(shown_->axes[1], y))
        return;
    mapCurrent_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 3.5), QBrush(Qt::white), 15.0));
    mapCurrent_->addData(x, y);
    mapPlot_->replot(QCustomPlot::rpQueuedReplot);
}

std::optional<std::pair<int, int>> HyperparameterMapPanel::runAt(const QPointF& pixel) const
{
    if (!shown_)
        return std::nullopt;
    QCustomPlot* plot = currentPlot();
    if (!plot->axisRect()->rect().contains(pixel.toPoint()))
        return std::nullopt;
    auto nearest = [](const std::vector<double>& values, bool logarithmic, double coordinate) {
        int best = 0;
        for (int i = 1; i < int(values.size()); ++i)
            if (std::abs(toAxis(values[i], logarithmic) - coordinate)
                < std::abs(toAxis(values[best], logarithmic) - coordinate))
                best = i;
        return best;
    };
    const int i = nearest(
        shown_->values[0], shown_->axes[0].logarithmic, plot->xAxis->pixelToCoord(pixel.x()));
    const int j = shown_->axes.size() > 1 ? nearest(shown_->values[1], shown_->axes[1].logarithmic,
                      plot->yAxis->pixelToCoord(pixel.y()))
                                          : 0;
    return std::make_pair(i, j);
}

QPoint HyperparameterMapPanel::pixelOf(double first, double second) const
{
    QCustomPlot* plot = currentPlot();
    if (!shown_)
        return {};
    const double x = plot->xAxis->coordToPixel(toAxis(first, shown_->axes[0].logarithmic));
    const double y = shown_->axes.size() > 1
        ? plot->yAxis->coordToPixel(toAxis(second, shown_->axes[1].logarithmic))
        : plot->axisRect()->center().y();
    return QPointF(x, y).toPoint();
}

void HyperparameterMapPanel::onPlotClicked(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || entryIndex_ >= scene_.optimizers.size())
        return;
    const auto run = runAt(event->position());
    if (!run)
        return;
    Scene edited = scene_;
    OptimizerEntry& entry = edited.optimizers[entryIndex_];
    if (entry.name != shownRequest_->scene.optimizers.front().name)
        return; // the map is of another optimizer; a new one is on its way
    QStringList loaded;
    for (std::size_t a = 0; a < shown_->axes.size(); ++a) {
        const double value = shown_->values[a][std::size_t(a == 0 ? run->first : run->second)];
        entry.parameters[shown_->axes[a].name] = value;
        loaded << QStringLiteral("%1 = %2").arg(
            QString::fromStdString(shown_->axes[a].name), numberText(value));
    }
    try {
        makeOptimizer(entry.name, entry.parameters);
    } catch (const InvalidArgument& failure) {
        setStatus(QString::fromUtf8(failure.what()), true);
        return;
    }
    setStatus(tr("Loaded %1 into %2.").arg(loaded.join(", "), QString::fromStdString(entry.name)));
    emit sceneEdited(edited);
}

void HyperparameterMapPanel::onPlotHovered(QMouseEvent* event)
{
    const auto run = runAt(event->position());
    if (!run) {
        readoutLabel_->clear();
        return;
    }
    QStringList values;
    for (std::size_t a = 0; a < shown_->axes.size(); ++a)
        values << QStringLiteral("%1 = %2").arg(QString::fromStdString(shown_->axes[a].name),
            numberText(shown_->values[a][std::size_t(a == 0 ? run->first : run->second)]));
    const SweepRun& result = shown_->at(run->first, run->second);
    QString outcome;
    if (result.diverged)
        outcome = tr("diverged");
    else
        outcome = tr("final loss %1").arg(QString::number(result.finalLoss, 'g', 4))
            + (result.stepsToTolerance >= 0
                    ? tr(", within tolerance from step %1").arg(result.stepsToTolerance)
                    : tr(", never within tolerance"));
    readoutLabel_->setText(values.join(", ") + QStringLiteral(" → ") + outcome);
}

} // namespace optviz
