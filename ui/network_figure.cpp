#include "network_figure.h"

#include "core/contour_levels.h"
#include "core/contours.h"
#include "landscape_map.h"
#include "palette.h"
#include "plot_export.h"
#include "spaced_ticker.h"
#include "translation.h"
#include "viridis_gradient.h"

#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace optviz {

namespace {

const QColor inkColour(0x22, 0x22, 0x22);
const QColor frameColour(0x4A, 0x4A, 0x4A);
const QColor gridColour(0xE2, 0xE2, 0xE2);
const QColor mutedColour(0x55, 0x55, 0x55);
constexpr int planeContours = 12;
constexpr double logLossSpan = 100.0; // a log loss axis once values span two decades
constexpr double logPlaneSpan = 20.0; // log colours for the plane from here
constexpr double tooltipRadius = 14.0; // pixels

// Light colours (orange, yellow) as text on white need darkening.
QColor readableOnWhite(const QColor& colour)
{
    const double luminance
        = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance > 0.5 ? colour.darker(150) : colour;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + t * (b.redF() - a.redF())),
        float(a.greenF() + t * (b.greenF() - a.greenF())),
        float(a.blueF() + t * (b.blueF() - a.blueF())));
}

// The two-class map: P(class 1) from class 0's blue through white (undecided) to class
// 1's vermillion; the ends stay pale enough for the samples to stand out.
QCPColorGradient binaryGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, mix(Qt::white, palette::classColour(0), 0.62));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(1.0, mix(Qt::white, palette::classColour(1), 0.62));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

// k classes: values in [c, c + 1) are class c, from a pale tint (unsure) to a stronger
// one (sure); see ModelPicture.
QCPColorGradient classGradient(int classes)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int c = 0; c < classes; ++c) {
        const QColor colour = palette::classColour(c);
        gradient.setColorStopAt(double(c) / classes, mix(Qt::white, colour, 0.12));
        gradient.setColorStopAt((c + 0.999) / classes, mix(Qt::white, colour, 0.62));
    }
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(std::min(10000, 200 * classes));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

// A shape per class, so that the classes differ without colour too.
QCPScatterStyle::ScatterShape classShape(int label)
{
    static const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssCircle,
        QCPScatterStyle::ssTriangle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssDiamond,
        QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssStar};
    constexpr int count = int(std::size(shapes));
    return shapes[((label % count) + count) % count];
}

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QString::number(100.0 * fraction, 'f', 1) + "%" : "–";
}

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 3) : "–";
}

void setLinearTicker(QCPAxis* axis, double spacing)
{
    axis->setScaleType(QCPAxis::stLinear);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new SpacedTicker(axis, spacing)));
    axis->setNumberFormat("gb");
    axis->setNumberPrecision(6);
}

// `decades`: the span the axis shows. Within a few decades the ticks include 2·10ⁿ and
// 5·10ⁿ, which read better as plain numbers (0.2, 0.5, 1) than as powers.
void setLogTicker(QCPAxis* axis, double decades)
{
    setLogAxis(axis, 40.0); // powers of ten, never closer than their labels need
    if (decades < 3.0) {
        axis->setNumberFormat("g");
        axis->setNumberPrecision(3);
    }
}

} // namespace

NetworkFigure::NetworkFigure(QWidget* parent)
    : QCustomPlot(parent)
{
    setObjectName("networkFigure");
    setBackground(Qt::white);
    setAntialiasedElements(QCP::aeAll);
    setNotAntialiasedElements(QCP::aeNone);
    setMouseTracking(true);
    setLocale(QLocale::c()); // 10ⁿ and decimal points in every language (see Figure)
    setFocusPolicy(Qt::StrongFocus); // so that the window's Space, → and R reach the runs
    // The columns' widths are known once laid out: fit the texts then, before drawing.
    connect(this, &QCustomPlot::afterLayout, this, &NetworkFigure::elideTexts);
    connect(this, &QCustomPlot::afterLayout, this, &NetworkFigure::retickIfResized);
    setMinimumSize(320, 240); // a 1024×768 projector with the lesson beside it
    rebuild();
}

NetworkFigure::~NetworkFigure() = default;

QFont NetworkFigure::font(int pixels, bool bold) const
{
    return figureFontWithFamilies(std::max(8, int(std::lround(pixels * style_.scale))), bold);
}

void NetworkFigure::setData(std::shared_ptr<const NetworkData> samples,
    const QVector<NetworkRunView>& runs, const QString& message)
{
    data_ = std::move(samples);
    runs_ = runs;
    message_ = message;
    plane_.reset();
    rebuild();
}

void NetworkFigure::setPresentationStyle(bool on)
{
    if (on == presenting_)
        return;
    presenting_ = on;
    style_ = Style {};
    if (on) {
        style_.scale = 1.4;
        style_.lineWidth = 3.5;
        style_.markerSize = 11.0;
    }
    rebuild();
}

QCPTextElement* NetworkFigure::makeText(
    const QString& text, const QFont& textFont, const QColor& colour)
{
    auto* element = new QCPTextElement(this, text, textFont);
    element->setTextColor(colour);
    // No minimum width from the text: a long caption must not squeeze its neighbours'
    // columns to nothing. Lines too long for the column are elided (elideTexts()).
    element->setMinimumSize(1, 0);
    texts_.insert(element, text);
    return element;
}

void NetworkFigure::setElidedText(QCPTextElement* element, const QString& text)
{
    texts_.insert(element, text);
    element->setText(elided(element, text));
}

QString NetworkFigure::elided(const QCPTextElement* element, const QString& text) const
{
    const int width = element->outerRect().width();
    if (width <= 1)
        return text;
    const QFontMetrics metrics(element->font());
    QStringList lines = text.split('\n');
    for (QString& line : lines)
        line = metrics.elidedText(line, Qt::ElideRight, width - 4);
    return lines.join('\n');
}

void NetworkFigure::elideTexts()
{
    // The plane's message in a narrow panel (presentation mode's large type): a smaller
    // font rather than words cut off at both sides.
    if (planeMessage_ && planeRect_ && planeRect_->width() > 1) {
        QFont font = this->font(style_.labelFont);
        const QFontMetricsF metrics(font);
        double widest = 1.0;
        for (const QString& line : planeMessage_->text().split('\n'))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        const double room = 0.92 * planeRect_->width();
        if (widest > room && font.pixelSize() > 0)
            font.setPixelSize(std::max(1, int(std::max(0.6, room / widest) * font.pixelSize())));
        planeMessage_->setFont(font);
    }
    for (auto it = texts_.constBegin(); it != texts_.constEnd(); ++it) {
        const QString shown = elided(it.key(), it.value());
        if (shown != it.key()->text())
            it.key()->setText(shown);
    }
}

void NetworkFigure::retickIfResized()
{
    QList<QRect> rects;
    for (const QCPAxisRect* rect : axisRects())
        rects.append(rect->rect());
    if (rects == laidOutRects_)
        return;
    laidOutRects_ = rects;
    replot(rpQueuedReplot);
}

void NetworkFigure::clearAll()
{
    texts_.clear();
    clearItems();
    clearPlottables();
    plotLayout()->clear();
    panels_.clear();
    curves_.clear();
    paths_.clear();
    lossRect_ = accuracyRect_ = planeRect_ = nullptr;
    planeTitle_ = planeCaption_ = nullptr;
    planeScale_ = nullptr;
    planeMap_ = nullptr;
    planeStart_ = nullptr;
}

void NetworkFigure::styleAxes(QCPAxisRect* rect, const QString& xLabel, const QString& yLabel)
{
    for (QCPAxis* axis : rect->axes()) {
        axis->setBasePen(QPen(frameColour, 1.0));
        axis->setTickPen(QPen(frameColour, 1.0));
        axis->setSubTickPen(QPen(frameColour, 1.0));
        axis->setTickLabelFont(font(style_.tickFont));
        axis->setTickLabelColor(inkColour);
        axis->setLabelFont(font(style_.labelFont));
        axis->setLabelColor(inkColour);
        axis->grid()->setPen(QPen(gridColour, 1.0));
        axis->grid()->setSubGridVisible(false);
    }
    rect->axis(QCPAxis::atBottom)->setLabel(xLabel);
    rect->axis(QCPAxis::atLeft)->setLabel(yLabel);
    setLinearTicker(rect->axis(QCPAxis::atBottom), 70 * style_.scale);
    setLinearTicker(rect->axis(QCPAxis::atLeft), 55 * style_.scale);
}

QCPAxisRect* NetworkFigure::makeRect(
    QCPLayoutGrid* grid, int row, int column, const QString& title, QCPTextElement** titleElement)
{
    auto* cell = new QCPLayoutGrid;
    grid->addElement(row, column, cell);
    QCPTextElement* text = makeText(title, font(style_.titleFont, true), inkColour);
    cell->addElement(0, 0, text);
    auto* rect = new QCPAxisRect(this);
    cell->addElement(1, 0, rect);
    cell->setRowSpacing(2);
    if (titleElement)
        *titleElement = text;
    return rect;
}

NetworkFigure::Panel NetworkFigure::makeDecisionPanel(
    QCPLayoutGrid* grid, int row, int column, const QString& title, const QColor& colour)
{
    Panel panel;
    auto* cell = new QCPLayoutGrid;
    grid->addElement(row, column, cell);
    panel.title = makeText(title, font(style_.titleFont, true), readableOnWhite(colour));
    cell->addElement(0, 0, panel.title);
    panel.status = makeText(QStringLiteral(" "), font(style_.tickFont), mutedColour);
    cell->addElement(1, 0, panel.status);
    panel.rect = new QCPAxisRect(this);
    cell->addElement(2, 0, panel.rect);
    cell->setRowSpacing(1);

    const bool classification = data_->classification;
    styleAxes(panel.rect, classification ? QStringLiteral("x₁") : QStringLiteral("t"),
        classification ? QStringLiteral("x₂") : QStringLiteral("y"));
    // Small panels: ticks closer together than elsewhere, or a third of them stays bare.
    setLinearTicker(panel.rect->axis(QCPAxis::atBottom), 45 * style_.scale);
    setLinearTicker(panel.rect->axis(QCPAxis::atLeft), 40 * style_.scale);
    const ViewRect& view = data_->view;
    panel.rect->axis(QCPAxis::atBottom)->setRange(view.xMin, view.xMax);
    panel.rect->axis(QCPAxis::atLeft)->setRange(view.yMin, view.yMax);
    if (classification) {
        panel.map = new LandscapeMap(
            panel.rect->axis(QCPAxis::atBottom), panel.rect->axis(QCPAxis::atLeft));
        const bool binary = data_->classCount == 2;
        panel.map->setGradient(binary ? binaryGradient() : classGradient(data_->classCount));
        panel.map->setDataRange(QCPRange(0.0, binary ? 1.0 : double(data_->classCount)));
        // Interpolating class codes would paint a third class's colour along the border
        // between two others.
        panel.map->setInterpolate(binary);
        panel.map->setContourPen(QPen(inkColour, 1.75 * style_.scale));
    }
    addSamples(panel.rect);
    if (!classification) {
        panel.curve
            = new QCPGraph(panel.rect->axis(QCPAxis::atBottom), panel.rect->axis(QCPAxis::atLeft));
        panel.curve->setPen(QPen(colour, style_.lineWidth + 0.5));
    }
    return panel;
}

void NetworkFigure::addSamples(QCPAxisRect* rect)
{
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    const int classes = data_->classification ? data_->classCount : 1;
    const double size = style_.markerSize;
    for (int c = 0; c < classes; ++c) {
        const QColor colour = palette::classColour(c);
        for (const bool test : {false, true}) {
            const QVector<double>& xs = test ? data_->testX : data_->trainX;
            const QVector<double>& ys = test ? data_->testY : data_->trainY;
            const QVector<int>& labels = test ? data_->testLabels : data_->trainLabels;
            QVector<double> keys, values;
            for (qsizetype i = 0; i < xs.size(); ++i) {
                if (data_->classification && labels.value(i, -1) != c)
                    continue;
                keys.append(xs[i]);
                values.append(ys[i]);
            }
            if (keys.isEmpty())
                continue;
            auto* graph = new QCPGraph(x, y);
            graph->setLineStyle(QCPGraph::lsNone);
            // Training samples filled and outlined in ink; test samples hollow, in the
            // class's colour.
            graph->setScatterStyle(test
                    ? QCPScatterStyle(
                        classShape(c), QPen(colour, 2.0 * style_.scale), QBrush(Qt::white), size)
                    : QCPScatterStyle(
                        classShape(c), QPen(inkColour, 1.0 * style_.scale), QBrush(colour), size));
            graph->setData(keys, values);
            graph->setName(QString("%1 class %2").arg(test ? "test" : "training").arg(c));
        }
    }
}

void NetworkFigure::addLineKey(QCPAxisRect* rect, bool top)
{
    // Which line is which, inside the panel: a legend of two entries that holds for every
    // run's colour.
    auto* key = new QCPItemText(this);
    key->setClipToAxisRect(false);
    key->position->setAxisRect(rect);
    key->position->setType(QCPItemPosition::ptAxisRectRatio);
    key->position->setCoords(0.98, top ? 0.03 : 0.97);
    key->setPositionAlignment(Qt::AlignRight | (top ? Qt::AlignTop : Qt::AlignBottom));
    key->setFont(font(style_.tickFont));
    key->setColor(mutedColour);
    key->setBrush(QBrush(QColor(255, 255, 255, 210)));
    key->setPadding(QMargins(4, 2, 4, 2));
    key->setText(tr("—— training   - - - test"));
}

void NetworkFigure::rebuild()
{
    clearAll();
    QCPLayoutGrid* layout = plotLayout();
    if (!data_) {
        auto* text = new QCPTextElement(this,
            message_.isEmpty() ? tr("Choose a data set and press Play.") : message_,
            font(style_.titleFont));
        text->setTextColor(message_.isEmpty() ? mutedColour : QColor(0xB0, 0x30, 0x00));
        layout->addElement(0, 0, text);
        return;
    }
    auto* top = new QCPLayoutGrid;
    auto* bottom = new QCPLayoutGrid;
    layout->addElement(0, 0, top);
    layout->addElement(1, 0, bottom);
    layout->setRowSpacing(int(10 * style_.scale));
    top->setColumnSpacing(int(12 * style_.scale));
    top->setRowSpacing(int(6 * style_.scale));
    bottom->setColumnSpacing(int(12 * style_.scale));

    const int count = std::max<int>(1, int(runs_.size()));
    const int rows = count <= 4 ? 1 : count <= 8 ? 2 : 3;
    const int columns = (count + rows - 1) / rows;
    topRows_ = rows;
    topColumns_ = columns;
    for (int i = 0; i < count; ++i) {
        const bool hasRun = i < runs_.size();
        panels_.push_back(makeDecisionPanel(top, i / columns, i % columns,
            hasRun ? runs_[i].label : tr("The data set"), hasRun ? runs_[i].colour : inkColour));
    }

    // Loss and accuracy side by side, or one above the other (sharing their epoch axis)
    // where the figure is too narrow for three panels of a sensible shape.
    stackedCurves_ = data_->classification && wantsStackedCurves();
    QCPLayoutGrid* curvesGrid = bottom;
    if (stackedCurves_) {
        curvesGrid = new QCPLayoutGrid;
        bottom->addElement(0, 0, curvesGrid);
        curvesGrid->setRowSpacing(int(6 * style_.scale));
    }
    lossRect_ = makeRect(curvesGrid, 0, 0, tr("Loss"), nullptr);
    styleAxes(lossRect_, tr("epoch"), tr("loss"));
    addLineKey(lossRect_, true); // losses fall: the upper right corner empties first
    int column = 1;
    if (data_->classification) {
        accuracyRect_ = makeRect(curvesGrid, stackedCurves_ ? 1 : 0, stackedCurves_ ? 0 : column++,
            tr("Accuracy"), nullptr);
        styleAxes(accuracyRect_, tr("epoch"), tr("accuracy (%)"));
        addLineKey(accuracyRect_, false); // accuracies rise
    }
    if (stackedCurves_) {
        auto* epochs = new QCPMarginGroup(this);
        lossRect_->setMarginGroup(QCP::msLeft | QCP::msRight, epochs);
        accuracyRect_->setMarginGroup(QCP::msLeft | QCP::msRight, epochs);
    }
    planeRect_ = makeRect(bottom, 0, column, tr("Loss plane"), &planeTitle_);
    styleAxes(planeRect_, QStringLiteral("α"), QStringLiteral("β"));
    auto* planeCell = qobject_cast<QCPLayoutGrid*>(planeRect_->layout());
    planeCaption_ = makeText(QStringLiteral(" "), font(style_.tickFont), mutedColour);
    planeCell->addElement(2, 0, planeCaption_);
    planeScale_ = new QCPColorScale(this);
    planeCell->addElement(1, 1, planeScale_);
    planeScale_->setType(QCPAxis::atRight);
    planeScale_->setGradient(viridisGradient(256));
    planeScale_->setBarWidth(int(12 * style_.scale));
    planeScale_->axis()->setTickLabelFont(font(style_.tickFont));
    planeScale_->axis()->setLabelFont(font(style_.tickFont));
    planeScale_->axis()->setLabel(tr("training loss"));
    auto* margins = new QCPMarginGroup(this);
    planeRect_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    planeScale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    planeMap_
        = new LandscapeMap(planeRect_->axis(QCPAxis::atBottom), planeRect_->axis(QCPAxis::atLeft));
    planeMap_->setGradient(viridisGradient(256));
    planeMap_->setColorScale(planeScale_);
    planeMap_->setContourPen(QPen(QColor(255, 255, 255, 150), 1.0 * style_.scale));
    bottom->setColumnStretchFactors(data_->classification && !stackedCurves_
            ? QList<double> {1.0, 1.0, 1.25}
            : QList<double> {1.0, 1.25});

    for (int run = 0; run < runs_.size(); ++run) {
        Curves curves;
        const QColor colour = runs_[run].colour;
        const auto makeGraph = [&](QCPAxisRect* rect, bool test) {
            auto* graph = new QCPGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            QPen pen(colour, test ? style_.lineWidth * 0.8 : style_.lineWidth);
            if (test)
                pen.setStyle(Qt::DashLine);
            graph->setPen(pen);
            return graph;
        };
        curves.trainLoss = makeGraph(lossRect_, false);
        curves.testLoss = makeGraph(lossRect_, true);
        if (accuracyRect_) {
            curves.trainAccuracy = makeGraph(accuracyRect_, false);
            curves.testAccuracy = makeGraph(accuracyRect_, true);
        }
        curves_.push_back(curves);
    }
    logLoss_ = false;
    lossRect_->axis(QCPAxis::atBottom)->setRange(0.0, std::max(1, data_->epochs));
    if (accuracyRect_) {
        accuracyRect_->axis(QCPAxis::atBottom)->setRange(0.0, std::max(1, data_->epochs));
        accuracyRect_->axis(QCPAxis::atLeft)->setRange(40.0, 101.0);
    }
    const QVector<NetworkRunView> runs = runs_;
    updateRuns(runs);
    buildPlane();
    adaptRows();
}

double NetworkFigure::decisionRowHeight() const
{
    // As square as the width allows (the samples' region is a square for two inputs),
    // the rest for the curves and the plane, never less than 38% of the height.
    const double spacing = 12 * style_.scale;
    const double panelWidth = (width() - spacing * (topColumns_ - 1)) / topColumns_;
    const double mapWidth = std::max(50.0, panelWidth - 75 * style_.scale);
    const double aspect = data_ && !data_->classification ? 0.7 : 1.0;
    const double panelHeight = mapWidth * aspect + 100 * style_.scale;
    const double total = std::max(1, height());
    return std::clamp(topRows_ * panelHeight, 0.3 * total, 0.62 * total);
}

bool NetworkFigure::wantsStackedCurves() const
{
    // Three panels side by side that would be far taller than wide.
    const double bottom = height() - decisionRowHeight();
    return bottom > 1.35 * width() / 3.0;
}

void NetworkFigure::adaptRows()
{
    if (!data_ || panels_.empty() || plotLayout()->rowCount() != 2)
        return;
    if (data_->classification && wantsStackedCurves() != stackedCurves_) {
        rebuild(); // the other arrangement of the bottom row (calls this again)
        return;
    }
    const double total = std::max(1, height());
    const double top = decisionRowHeight();
    plotLayout()->setRowStretchFactors({top, total - top});
}

void NetworkFigure::resizeEvent(QResizeEvent* event)
{
    QCustomPlot::resizeEvent(event);
    adaptRows();
}

void NetworkFigure::updateRuns(const QVector<NetworkRunView>& runs)
{
    if (!data_)
        return;
    if (runs.size() != runs_.size() || int(curves_.size()) != runs.size()) {
        runs_ = runs;
        rebuild();
        return;
    }
    bool restyled = false;
    for (int run = 0; run < runs.size(); ++run) {
        const NetworkRunView& view = runs[run];
        Panel& panel = panels_[std::size_t(run)];
        Curves& curves = curves_[std::size_t(run)];
        if (view.colour != runs_[run].colour || view.label != runs_[run].label) {
            setElidedText(panel.title, view.label);
            panel.title->setTextColor(readableOnWhite(view.colour));
            for (QCPGraph* graph : {curves.trainLoss, curves.testLoss, curves.trainAccuracy,
                     curves.testAccuracy, panel.curve}) {
                if (!graph)
                    continue;
                QPen pen = graph->pen();
                pen.setColor(view.colour);
                graph->setPen(pen);
            }
            restyled = true;
        }
        if (view.history.size() < curves.drawn) {
            for (QCPGraph* graph :
                {curves.trainLoss, curves.testLoss, curves.trainAccuracy, curves.testAccuracy})
                if (graph)
                    graph->data()->clear();
            curves.drawn = 0;
        }
        for (qsizetype row = curves.drawn; row < view.history.size(); ++row) {
            const EpochRecord& r = view.history[row];
            const auto add = [&](QCPGraph* graph, double value) {
                if (graph && std::isfinite(value))
                    graph->addData(r.epoch, value);
            };
            add(curves.trainLoss, r.trainLoss);
            add(curves.testLoss, r.testLoss);
            add(curves.trainAccuracy, 100.0 * r.trainAccuracy);
            add(curves.testAccuracy, 100.0 * r.testAccuracy);
        }
        curves.drawn = int(view.history.size());
        if (view.picture && view.picture.get() != panel.picture) {
            panel.picture = view.picture.get();
            showPicture(panel, *view.picture);
        }
    }
    runs_ = runs;
    for (int run = 0; run < runs_.size(); ++run)
        updateStatus(run);
    updateCurveRanges();
    if (restyled)
        buildPlane(); // the paths and the caption in the new colours and names
}

void NetworkFigure::showPicture(Panel& panel, const ModelPicture& picture)
{
    const ViewRect& view = data_->view;
    if (panel.curve) {
        panel.curve->setData(QVector<double>(picture.curveX.begin(), picture.curveX.end()),
            QVector<double>(picture.curveY.begin(), picture.curveY.end()), true);
        return;
    }
    if (!panel.map || picture.map.empty())
        return;
    const int n = int(std::lround(std::sqrt(double(picture.map.size()))));
    if (n < 2 || std::size_t(n) * std::size_t(n) != picture.map.size())
        return;
    QCPColorMapData cells(n, n, QCPRange(view.xMin, view.xMax), QCPRange(view.yMin, view.yMax));
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            cells.setCell(i, j, picture.map[std::size_t(j) * std::size_t(n) + std::size_t(i)]);
    panel.map->setMapData(cells);
    auto lines = std::make_shared<QVector<QPolygonF>>();
    if (data_->classCount == 2) {
        // The decision boundary itself: where P(class 1) = ½.
        try {
            const SurfaceGrid grid(view, n, n, picture.map);
            for (const Polyline& polyline : extractContour(grid, 0.5)) {
                QPolygonF polygon;
                for (const Point2& p : polyline)
                    polygon.append(QPointF(p.x, p.y));
                lines->append(polygon);
            }
        } catch (const InvalidArgument&) {
        }
    }
    panel.map->setContours(lines);
}

void NetworkFigure::updateStatus(int run)
{
    Panel& panel = panels_[std::size_t(run)];
    const NetworkRunView& view = runs_[run];
    QString text;
    if (view.history.isEmpty()) {
        text = QStringLiteral(" ");
    } else {
        const EpochRecord& last = view.history.back();
        if (data_->classification)
            text = tr("train %1   test %2")
                       .arg(percent(last.trainAccuracy), percent(last.testAccuracy));
        else
            text = tr("loss %1   test %2").arg(number(last.trainLoss), number(last.testLoss));
    }
    if (view.status == RunStatus::Diverged)
        text = QString("⚠ diverged at epoch %1").arg(view.divergedAtEpoch);
    panel.status->setTextColor(
        view.status == RunStatus::Diverged ? QColor(0xB0, 0x30, 0x00) : mutedColour);
    if (texts_.value(panel.status) != text)
        setElidedText(panel.status, text);
}

void NetworkFigure::updateCurveRanges()
{
    if (!lossRect_)
        return;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    double lowestAccuracy = 100.0;
    for (const Curves& curves : curves_) {
        for (QCPGraph* graph : {curves.trainLoss, curves.testLoss}) {
            bool found = false;
            const QCPRange range = graph->data()->valueRange(found);
            if (found) {
                low = std::min(low, range.lower);
                high = std::max(high, range.upper);
            }
        }
        for (QCPGraph* graph : {curves.trainAccuracy, curves.testAccuracy}) {
            bool found = false;
            if (!graph)
                continue;
            const QCPRange range = graph->data()->valueRange(found);
            if (found)
                lowestAccuracy = std::min(lowestAccuracy, range.lower);
        }
    }
    QCPAxis* lossAxis = lossRect_->axis(QCPAxis::atLeft);
    if (low <= high) {
        const bool logarithmic = low > 0.0 && high / low > logLossSpan;
        if (logarithmic != logLoss_) {
            logLoss_ = logarithmic;
            if (logarithmic)
                setLogTicker(lossAxis, 3.0); // two decades at least: as powers
            else
                setLinearTicker(lossAxis, 55 * style_.scale);
        }
        if (logarithmic)
            lossAxis->setRange(low / 1.3, high * 1.3);
        else if (high > low)
            lossAxis->setRange(std::min(0.0, low), high + 0.05 * (high - std::min(0.0, low)));
        else
            lossAxis->setRange(low - 1.0, high + 1.0);
    }
    if (accuracyRect_)
        accuracyRect_->axis(QCPAxis::atLeft)
            ->setRange(std::min(40.0, 10.0 * std::floor(lowestAccuracy / 10.0)), 101.0);
}

void NetworkFigure::setPlane(std::shared_ptr<const PlaneSnapshot> plane)
{
    plane_ = std::move(plane);
    buildPlane();
}

void NetworkFigure::buildPlane()
{
    if (!planeRect_)
        return;
    for (PathPlot& plot : paths_)
        for (QCPCurve* curve : {plot.halo, plot.path, plot.end})
            if (curve)
                removePlottable(curve);
    paths_.clear();
    if (planeStart_)
        removePlottable(planeStart_);
    planeStart_ = nullptr;
    if (planeMessage_)
        removeItem(planeMessage_);

    const bool hasPlane = plane_ && plane_->hasPlane();
    planeMap_->setVisible(hasPlane);
    planeScale_->setVisible(hasPlane);
    if (!hasPlane) {
        setElidedText(planeTitle_, tr("Loss plane"));
        setElidedText(planeCaption_, QStringLiteral(" "));
        planeRect_->axis(QCPAxis::atBottom)->setRange(-1.0, 1.0);
        planeRect_->axis(QCPAxis::atLeft)->setRange(-1.0, 1.0);
        planeMessage_ = new QCPItemText(this);
        planeMessage_->setClipToAxisRect(true);
        planeMessage_->setClipAxisRect(planeRect_);
        planeMessage_->position->setAxisRect(planeRect_);
        planeMessage_->position->setType(QCPItemPosition::ptAxisRectRatio);
        planeMessage_->position->setCoords(0.5, 0.5);
        planeMessage_->setFont(font(style_.labelFont));
        planeMessage_->setColor(mutedColour);
        planeMessage_->setText(plane_ && !plane_->message.isEmpty()
                ? tr(plane_->message.toUtf8().constData())
                : tr("Drawn once the runs\nhave moved."));
        planeRect_->axis(QCPAxis::atBottom)->setLabel(QStringLiteral("α"));
        planeRect_->axis(QCPAxis::atLeft)->setLabel(QStringLiteral("β"));
        return;
    }

    const SurfaceGrid& grid = plane_->grid;
    const ViewRect& view = grid.view();
    QCPColorMapData cells(grid.columns(), grid.rows(), QCPRange(view.xMin, view.xMax),
        QCPRange(view.yMin, view.yMax));
    for (int j = 0; j < grid.rows(); ++j)
        for (int i = 0; i < grid.columns(); ++i)
            cells.setCell(i, j, grid.value(i, j));
    planeMap_->setMapData(cells);
    // Loss landscapes are drawn in log colours once they span more than an order of
    // magnitude or so (as Li et al. do): the low valleys, where the paths end, are what
    // matters, and in linear colours they are all one dark blue.
    const bool spread = grid.hasFiniteValues() && grid.maxValue() > grid.minValue();
    const bool logColours
        = spread && grid.minValue() > 0.0 && grid.maxValue() / grid.minValue() > logPlaneSpan;
    std::vector<double> levels;
    if (logColours) {
        const double ratio = grid.maxValue() / grid.minValue();
        for (int k = 1; k <= planeContours; ++k)
            levels.push_back(grid.minValue() * std::pow(ratio, double(k) / (planeContours + 1)));
    } else {
        levels = chooseLevels(grid, planeContours);
    }
    auto lines = std::make_shared<QVector<QPolygonF>>();
    for (const Contour& contour : extractContours(grid, levels))
        for (const Polyline& polyline : contour.lines) {
            QPolygonF polygon;
            for (const Point2& p : polyline)
                polygon.append(QPointF(p.x, p.y));
            lines->append(polygon);
        }
    planeMap_->setContours(lines);
    const QCPRange colourRange = spread ? QCPRange(grid.minValue(), grid.maxValue())
                                        : QCPRange(grid.minValue() - 1.0, grid.minValue() + 1.0);
    planeScale_->setDataScaleType(logColours ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logColours)
        setLogTicker(planeScale_->axis(), std::log10(grid.maxValue() / grid.minValue()));
    else
        setLinearTicker(planeScale_->axis(), 45 * style_.scale);
    planeMap_->setDataScaleType(logColours ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    planeMap_->setDataRange(colourRange);
    planeScale_->setDataRange(colourRange);
    planeScale_->axis()->setLabel(
        logColours ? tr("training loss (log scale)") : tr("training loss"));
    planeMap_->invalidateCache();
    planeRect_->axis(QCPAxis::atBottom)->setRange(view.xMin, view.xMax);
    planeRect_->axis(QCPAxis::atLeft)->setRange(view.yMin, view.yMax);

    QCPAxis* x = planeRect_->axis(QCPAxis::atBottom);
    QCPAxis* y = planeRect_->axis(QCPAxis::atLeft);
    const bool pca = plane_->directions == PlaneDirections::Pca;
    x->setLabel(
        pca ? tr("α  (PC 1: %1)").arg(percent(plane_->firstFraction)) : QStringLiteral("α"));
    y->setLabel(
        pca ? tr("β  (PC 2: %1)").arg(percent(plane_->secondFraction)) : QStringLiteral("β"));
    QString title
        = pca ? tr("Loss plane · PCA of the paths") : tr("Loss plane · random directions");
    if (!plane_->complete)
        title += QStringLiteral(" …");
    setElidedText(planeTitle_, title);

    // How much of the runs the plane shows: the paths' spread it holds (PCA), and the
    // farthest any path strays from it, relative to how far that path travelled.
    double worst = 0.0;
    int worstRun = -1;
    for (const PlanePath& path : plane_->paths)
        if (path.offPlaneFraction() > worst) {
            worst = path.offPlaneFraction();
            worstRun = path.run;
        }
    QString caption = pca
        ? tr("the plane holds %1 of the paths' spread").arg(percent(plane_->explainedFraction()))
        : tr("a random plane through %1's end")
              .arg(runs_.isEmpty() ? tr("the start") : runs_[0].label);
    if (worstRun >= 0 && worstRun < runs_.size())
        caption += tr("\nfarthest off it: %1 (%2 of its travel)")
                       .arg(runs_[worstRun].label, percent(worst));
    else
        caption += tr("\nthe paths lie in it");
    setElidedText(planeCaption_, caption);

    for (const PlanePath& path : plane_->paths) {
        PathPlot plot;
        const QColor colour = path.run < runs_.size() ? runs_[path.run].colour : inkColour;
        QVector<double> t(qsizetype(path.alpha.size()));
        std::iota(t.begin(), t.end(), 0.0);
        const QVector<double> a(path.alpha.begin(), path.alpha.end());
        const QVector<double> b(path.beta.begin(), path.beta.end());
        plot.halo = new QCPCurve(x, y);
        plot.halo->setPen(QPen(QColor(255, 255, 255, 200), style_.lineWidth + 3.0 * style_.scale));
        plot.halo->setData(t, a, b, true);
        plot.path = new QCPCurve(x, y);
        plot.path->setPen(QPen(colour, style_.lineWidth));
        plot.path->setData(t, a, b, true);
        plot.end = new QCPCurve(x, y);
        plot.end->setLineStyle(QCPCurve::lsNone);
        plot.end->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
            QPen(Qt::white, 1.5 * style_.scale), QBrush(colour), 11.0 * style_.scale));
        if (!a.isEmpty())
            plot.end->addData(a.back(), b.back());
        paths_.push_back(plot);
    }
    if (!plane_->paths.empty() && !plane_->paths.front().alpha.empty()) {
        planeStart_ = new QCPGraph(x, y);
        planeStart_->setLineStyle(QCPGraph::lsNone);
        planeStart_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
            QPen(inkColour, 2.0 * style_.scale), QBrush(Qt::white), 12.0 * style_.scale));
        planeStart_->addData(
            plane_->paths.front().alpha.front(), plane_->paths.front().beta.front());
    }
}

QString NetworkFigure::planeToolTip(const QPointF& pixel) const
{
    if (!planeRect_ || !plane_ || !plane_->hasPlane()
        || !planeRect_->rect().contains(pixel.toPoint()))
        return {};
    const QCPAxis* x = planeRect_->axis(QCPAxis::atBottom);
    const QCPAxis* y = planeRect_->axis(QCPAxis::atLeft);
    double best = tooltipRadius * tooltipRadius * style_.scale * style_.scale;
    const PlanePath* bestPath = nullptr;
    std::size_t bestPoint = 0;
    for (const PlanePath& path : plane_->paths)
        for (std::size_t k = 0; k < path.alpha.size(); ++k) {
            const double dx = x->coordToPixel(path.alpha[k]) - pixel.x();
            const double dy = y->coordToPixel(path.beta[k]) - pixel.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                bestPath = &path;
                bestPoint = k;
            }
        }
    if (!bestPath)
        return {};
    const QString label = bestPath->run < runs_.size() ? runs_[bestPath->run].label : QString();
    const double distance = bestPath->distance[bestPoint];
    return tr("%1 · epoch %2\ntraining loss %3\n%4 off the plane (%5 of its travel)")
        .arg(label)
        .arg(bestPath->epochs[bestPoint])
        .arg(number(bestPath->loss[bestPoint]), number(distance),
            percent(bestPath->travel > 0.0 ? distance / bestPath->travel : 0.0));
}

void NetworkFigure::mouseMoveEvent(QMouseEvent* event)
{
    QCustomPlot::mouseMoveEvent(event);
    const QString tip = planeToolTip(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

bool NetworkFigure::exportTo(const QString& path, double scale, QString* error)
{
    return exportPlot(*this, path, scale, QStringLiteral("optviz network"), error);
}

QCPColorMap* NetworkFigure::decisionMap(int run) const
{
    return run >= 0 && run < int(panels_.size()) ? panels_[std::size_t(run)].map : nullptr;
}

QCPGraph* NetworkFigure::modelCurve(int run) const
{
    return run >= 0 && run < int(panels_.size()) ? panels_[std::size_t(run)].curve : nullptr;
}

QCPGraph* NetworkFigure::trainLossGraph(int run) const
{
    return run >= 0 && run < int(curves_.size()) ? curves_[std::size_t(run)].trainLoss : nullptr;
}

QCPGraph* NetworkFigure::testAccuracyGraph(int run) const
{
    return run >= 0 && run < int(curves_.size()) ? curves_[std::size_t(run)].testAccuracy : nullptr;
}

QCPCurve* NetworkFigure::planePath(int run) const
{
    for (std::size_t i = 0; i < paths_.size(); ++i)
        if (plane_ && i < plane_->paths.size() && plane_->paths[i].run == run)
            return paths_[i].path;
    return nullptr;
}

QCPColorMap* NetworkFigure::planeMap() const
{
    return planeMap_;
}

QString NetworkFigure::planeTitle() const
{
    return texts_.value(planeTitle_);
}

QString NetworkFigure::planeCaption() const
{
    return texts_.value(planeCaption_);
}

QString NetworkFigure::panelTitle(int run) const
{
    if (run < 0 || run >= int(panels_.size()))
        return {};
    return texts_.value(panels_[std::size_t(run)].title) + "\n"
        + texts_.value(panels_[std::size_t(run)].status);
}

} // namespace optviz
