#include "figure.h"

#include "core/contour_levels.h"
#include "core/contours.h"
#include "core/surface_grid.h"
#include "display_names.h"
#include "figure_layout.h"
#include "inspector_arrows.h"
#include "landscape_map.h"
#include "loss_graph.h"
#include "palette.h"
#include "plot_export.h"
#include "spaced_ticker.h"
#include "trajectory_curve.h"
#include "translation.h"
#include "viridis_gradient.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QPageSize>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace optviz {

namespace {

constexpr int gridSamples = 300; // per side; plenty for a heat map on screen
constexpr int multiplesGridSamples = 220; // the maps of small multiples are smaller
constexpr int contourCount = 14;
constexpr int denseIterates = 60; // below this many points, each iterate gets a dot
// A view zoomed in below this span (rounding noise) is not gridded anew.
constexpr double minViewSpan = 1e-9;

const QColor inkColour(0x22, 0x22, 0x22);
const QColor frameColour(0x4A, 0x4A, 0x4A);
const QColor gridColour(0xE2, 0xE2, 0xE2);
const QColor blankColour(0xC8, 0xC8, 0xC8); // where the surface is not finite

QFont figureFont(int pixels, bool bold = false)
{
    return figureFontWithFamilies(pixels, bold);
}

// A five-pointed star and a bold ✕, in QCPScatterStyle's custom-path units (a size-6
// box: the path is scaled by size / 6 when drawn).
QPainterPath starPath()
{
    QPainterPath path;
    const double outer = 3.0;
    const double inner = 1.25;
    for (int k = 0; k < 10; ++k) {
        const double radius = k % 2 == 0 ? outer : inner;
        const double angle = -std::numbers::pi / 2 + k * std::numbers::pi / 5;
        const QPointF point(radius * std::cos(angle), radius * std::sin(angle));
        if (k == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

QPainterPath crossPath()
{
    QPainterPath bar;
    bar.addRect(QRectF(-3.0, -0.75, 6.0, 1.5));
    const QPainterPath a = QTransform().rotate(45).map(bar);
    const QPainterPath b = QTransform().rotate(-45).map(bar);
    return a.united(b).simplified();
}

// A custom-path pen keeps `width` pixels however large the symbol (the painter is
// scaled by size / 6 while the path is drawn).
QPen customPathPen(const QColor& colour, double width, double size)
{
    QPen pen(colour, width * 6.0 / size);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

// Light path colours (yellow, orange) as legend text on white need darkening.
QColor readableOnWhite(const QColor& colour)
{
    const double luminance
        = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance > 0.5 ? colour.darker(150) : colour;
}

const QString titleSeparator = QStringLiteral("   ·   ");

// "Rosenbrock · f(x, y) = (a − x)² + b (y − x²)² · a = 1, b = 100": the name, the formula
// (or the sentence that defines a data surface), and the parameters (all of them when
// there are few, else those that differ from the defaults).
QString composeTitle(
    const std::string& surface, const ParameterValues& parameters, const std::string& expression)
{
    QString title = surfaceDisplayName(surface);
    const SurfaceInfo* info = findSurface(surface);
    if (!info)
        return title;
    if (!expression.empty()) // a typed formula: itself, as typed ("Expr" says nothing)
        return "f(x, y) = " + QString::fromStdString(expression);
    title += titleSeparator + surfaceDefinitionText(info->definition);
    QStringList shown;
    for (const ParameterSpec& spec : info->parameters) {
        const auto it = parameters.find(spec.name);
        const double value = it != parameters.end() ? it->second : spec.defaultValue;
        if (info->parameters.size() <= 3 || value != spec.defaultValue)
            shown << QString("%1 = %2").arg(
                QString::fromStdString(spec.name), QString::fromStdString(spec.formatValue(value)));
    }
    if (!shown.isEmpty())
        title += titleSeparator + shown.join(", ");
    return title;
}

// Breaks `text` into lines no wider than `width`: at the title's separators where
// possible, else between words.
QString wrapText(const QString& text, const QFont& font, int width)
{
    const QFontMetrics metrics(font);
    if (width <= 0 || metrics.horizontalAdvance(text) <= width)
        return text;
    QStringList lines;
    QString line;
    const auto fits
        = [&](const QString& candidate) { return metrics.horizontalAdvance(candidate) <= width; };
    for (const QString& segment : text.split(titleSeparator)) {
        if (line.isEmpty() && fits(segment)) {
            line = segment;
            continue;
        }
        if (!line.isEmpty() && fits(line + titleSeparator + segment)) {
            line += titleSeparator + segment;
            continue;
        }
        if (!line.isEmpty())
            lines << line;
        line.clear();
        for (const QString& word : segment.split(' ', Qt::SkipEmptyParts)) {
            if (line.isEmpty() || fits(line + ' ' + word)) {
                line = line.isEmpty() ? word : line + ' ' + word;
            } else {
                lines << line;
                line = word;
            }
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join('\n');
}

double nearestDistance(double x, double y, const std::vector<Point2>& points)
{
    double best = std::numeric_limits<double>::infinity();
    for (const Point2& p : points)
        best = std::min(best, std::hypot(x - p.x, y - p.y));
    return best;
}

bool isValidView(const ViewRect& view)
{
    return std::isfinite(view.xMin) && std::isfinite(view.xMax) && std::isfinite(view.yMin)
        && std::isfinite(view.yMax) && view.xMax - view.xMin > minViewSpan
        && view.yMax - view.yMin > minViewSpan;
}

// Log axes get powers of ten, linear ones about one label per `spacing` pixels; neither
// crowds its labels.
void setTicker(QCPAxis* axis, bool logarithmic, double spacing)
{
    if (logarithmic)
        setLogAxis(axis, spacing);
    else
        setLinearAxis(axis, spacing);
}

// The loss axis's range for values from `low` to `high` (in log10 units on a log axis):
// 5 % of the span as padding. While runs stream in, the range only changes when the
// values leave it or it has become a third too wide, and then grows by a further 15 %
// of the span on the side the values left by: a replot of the axes is then rare, while
// the paths' layer alone is repainted with every batch.
QCPRange settledRange(
    const QCPRange& current, double low, double high, bool logarithmic, bool streaming)
{
    double span = high - low;
    if (span <= 0.0)
        span = logarithmic ? 1.0 : std::max(std::abs(high), 1.0);
    double lower = low - 0.05 * span, upper = high + 0.05 * span;
    if (streaming) {
        const double currentLower = logarithmic ? std::log10(current.lower) : current.lower;
        const double currentUpper = logarithmic ? std::log10(current.upper) : current.upper;
        const bool contains = currentLower <= low && high <= currentUpper;
        if (contains && currentUpper - currentLower <= 1.3 * (upper - lower))
            return current;
        if (low < currentLower)
            lower -= 0.15 * span;
        if (high > currentUpper)
            upper += 0.15 * span;
    }
    return logarithmic ? QCPRange(std::pow(10.0, lower), std::pow(10.0, upper))
                       : QCPRange(lower, upper);
}

} // namespace

Figure::Figure(QWidget* parent)
    : QCustomPlot(parent)
    , inspectorArrows_(std::make_unique<InspectorArrows>(this))
{
    setAutoAddPlottableToLegend(false);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setBackground(Qt::white);
    setMouseTracking(true);
    // Numbers in the C locale whatever the language: QCustomPlot typesets an exponent as
    // a power (10⁶) only where it finds the locale's exponential sign ("E" in most
    // locales, which left "1E+06"), and German commas would differ from the CLI's text.
    setLocale(QLocale::c());
    // Three paint buffers, bottom to top: what stays put while runs stream in (the
    // landscape, drawn from its own cache, and the axis rects' backgrounds and grids);
    // the "runs" layer alone (halos, paths, loss curves, current points, start markers,
    // captions, arrows), which refresh() repaints by itself as batches arrive; and the
    // axes and the legend. Each buffer costs a full-widget clear and blend per paint, so
    // there are no more (QCustomPlot's "overlay" is buffered by default for selection
    // rectangles, which the figure does not use).
    addLayer("landscape", layer("background"), limBelow);
    addLayer("runs", layer("main"), limAbove);
    layer("runs")->setMode(QCPLayer::lmBuffered);
    layer("overlay")->setMode(QCPLayer::lmLogical);
    // A full replot repaints the runs too.
    connect(this, &QCustomPlot::beforeReplot, this, [this] {
        runsChanged_ = false;
        frameChanged_ = false;
    });

    // The inspector's labels are placed in pixels: again once a layout moved the map.
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        if (inspectedRun_ < 0 || mapCount() == 0)
            return;
        const QCPAxisRect* rect = mapRect(0);
        const QRect geometry = rect->rect();
        const ViewRect view = visibleView();
        if (geometry == arrowsPlacedIn_ && view == arrowsPlacedFor_)
            return;
        updateArrows();
        stackRunLayer();
    });

    wheelTimer_.setSingleShot(true);
    wheelTimer_.setInterval(150);
    connect(&wheelTimer_, &QTimer::timeout, this, &Figure::onUserViewChange);

    style_ = styleFor(size(), presentation_);
    rebuild();
}

Figure::~Figure() = default;

void Figure::setPresentationStyle(bool presentation)
{
    if (presentation == presentation_)
        return;
    presentation_ = presentation;
    style_ = styleFor(size(), presentation_);
    rebuild();
}

Figure::Style Figure::styleFor(QSize size, bool presentation)
{
    const double area = double(std::max(size.width(), 1)) * double(std::max(size.height(), 1));
    double scale = std::clamp(std::sqrt(area / (1280.0 * 800.0)), 1.0, 1.6);
    scale = std::round(scale * 10.0) / 10.0; // steps of 0.1: a resize rarely restyles
    Style style;
    style.scale = scale;
    style.tickFont = int(std::lround(15 * scale));
    style.labelFont = int(std::lround(17 * scale));
    style.titleFont = int(std::lround(19 * scale));
    style.legendFont = int(std::lround(16 * scale));
    style.pathWidth = 2.75 * scale;
    style.haloWidth = style.pathWidth + 3.0 * scale;
    style.endSize = 12.0 * scale;
    style.startSize = 15.0 * scale;
    style.minimumSize = 19.0 * scale;
    style.dotSize = 5.5 * scale;
    if (presentation) {
        // Read from the back of a lecture hall: type half as large again, paths about
        // twice as thick, contours that survive a washed-out projector.
        style.tickFont = int(std::lround(style.tickFont * 1.45));
        style.labelFont = int(std::lround(style.labelFont * 1.45));
        style.titleFont = int(std::lround(style.titleFont * 1.35));
        style.legendFont = int(std::lround(style.legendFont * 1.45));
        style.pathWidth *= 1.9;
        style.haloWidth = style.pathWidth + 4.0 * scale;
        style.endSize *= 1.5;
        style.startSize *= 1.4;
        style.minimumSize *= 1.4;
        style.dotSize *= 1.4;
        style.contourAlpha = 200;
        style.contourWidth = 1.6;
    }
    return style;
}

// ---------------------------------------------------------------------------- layout

void Figure::rebuild()
{
    const ViewRect view = maps_.empty() ? landscapeView_ : visibleView();
    wheelTimer_.stop();
    clearItems();
    clearPlottables();
    maps_.clear();
    runPlots_.clear();
    pathOrder_.clear();
    lossRect_ = nullptr;
    colourScale_ = nullptr;
    plotLayout()->clear();
    legend_ = nullptr;
    legend = nullptr;
    for (QPointer<QCPMarginGroup>* group : {&topGroup_, &bottomGroup_, &leftGroup_, &rightGroup_}) {
        delete group->data();
        *group = new QCPMarginGroup(this);
    }
    const double s = style_.scale;

    title_ = new QCPTextElement(this, titleText_, figureFont(style_.titleFont, true));
    title_->setLayer("axes");
    title_->setTextColor(inkColour);
    title_->setMargins(QMargins(int(10 * s), int(8 * s), int(10 * s), int(2 * s)));
    plotLayout()->addElement(0, 0, title_);

    // The map (or the grid of maps) and its colour scale, then the loss panel: beside
    // them in a wide figure, below the map in a narrow one (a window with its docks
    // open), where side by side both would be slivers. The loss panel sits in a grid of
    // its own, so that QCustomPlot::axisRect(0) (its depth-first search appends direct
    // children first) is the map of an overlay.
    arrangement_ = arrangementFor(size());
    stacked_ = arrangement_.lossBelowMap;
    auto* panels = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, panels);
    panels->setColumnSpacing(int(8 * s));
    panels->setRowSpacing(int(14 * s));
    QList<double> columnStretch;
    if (panels_ != Panels::LossOnly) {
        buildMaps(panels);
        columnStretch << 1.5 + 0.45 * (mapColumns() - 1) << 0.001;
    }
    if (panels_ != Panels::SurfaceOnly) {
        buildLossPanel();
        auto* lossArea = new QCPLayoutGrid;
        lossArea->addElement(0, 0, lossRect_);
        if (stacked_) {
            panels->addElement(1, 0, lossArea);
            panels->setRowStretchFactors({arrangement_.mapShare, 1.0 - arrangement_.mapShare});
        } else {
            if (!columnStretch.isEmpty())
                lossArea->setMargins(QMargins(int(16 * s), 0, 0, 0));
            panels->addElement(0, int(columnStretch.size()), lossArea);
            columnStretch << 1.0;
        }
    }
    panels->setColumnStretchFactors(columnStretch);

    // The legend sits centred below the panels, between two stretching spacers.
    legendRow_ = new QCPLayoutGrid;
    plotLayout()->addElement(2, 0, legendRow_);
    legendRow_->addElement(0, 0, new QCPLayoutElement(this));
    legend_ = new QCPLegend;
    legendRow_->addElement(0, 1, legend_);
    legendRow_->addElement(0, 2, new QCPLayoutElement(this));
    legendRow_->setColumnStretchFactors({1.0, 0.001, 1.0});
    legend = legend_; // so that removing a plottable also removes its legend item
    legend_->setLayer("legend");
    legend_->setVisible(true);
    legend_->setBorderPen(Qt::NoPen);
    legend_->setBrush(Qt::NoBrush);
    legend_->setFont(figureFont(style_.legendFont));
    legend_->setTextColor(inkColour);
    legend_->setIconSize(int(34 * s), int(14 * s));
    legend_->setIconTextPadding(int(8 * s));
    legend_->setColumnSpacing(int(26 * s));
    legend_->setRowSpacing(int(2 * s));
    legend_->setMargins(QMargins(int(6 * s), int(4 * s), int(6 * s), int(8 * s)));
    legend_->setFillOrder(QCPLayoutGrid::foColumnsFirst, false);
    legend_->setSelectableParts(QCPLegend::spNone);

    plotLayout()->setRowStretchFactors({0.001, 1.0, 0.001});
    plotLayout()->setRowSpacing(int(4 * s));
    plotLayout()->setMargins(QMargins(int(6 * s), 0, int(10 * s), 0));

    // QCustomPlot's convenience pointers: the (first) map's axes, else the loss panel's.
    if (QCPAxisRect* main = !maps_.empty() ? maps_.front().rect : lossRect_) {
        xAxis = main->axis(QCPAxis::atBottom);
        yAxis = main->axis(QCPAxis::atLeft);
        xAxis2 = main->axis(QCPAxis::atTop);
        yAxis2 = main->axis(QCPAxis::atRight);
    }

    if (hasLandscape_) {
        applyLandscape();
        setMapRanges(isValidView(view) ? view : landscapeView_);
    }
    updateTitle();
    updateStartMarkers();
    updateRuns();
    frameChanged_ = true;
}

QCPAxisRect* Figure::addAxisRect(bool map)
{
    const double s = style_.scale;
    auto* rect = new QCPAxisRect(this, true);
    rect->setupFullAxesBox(true);
    // New axis rects land on the current layer ("main"), above the landscape; QCustomPlot
    // puts only its own default rect on "background".
    rect->setLayer("background");
    for (QCPAxis* axis : rect->axes()) {
        axis->setLayer("axes");
        axis->grid()->setLayer("grid");
        const QPen pen(frameColour, 1.2 * s);
        axis->setBasePen(pen);
        axis->setTickPen(pen);
        axis->setSubTickPen(QPen(frameColour, 1.0 * s));
        axis->setTickLengthIn(int(6 * s));
        axis->setTickLengthOut(0);
        axis->setSubTickLengthIn(int(3 * s));
        axis->setSubTickLengthOut(0);
        axis->setTickLabelFont(figureFont(style_.tickFont));
        axis->setLabelFont(figureFont(style_.labelFont));
        axis->setTickLabelColor(inkColour);
        axis->setLabelColor(inkColour);
        axis->setLabelPadding(int(6 * s));
        axis->setTickLabelPadding(int(5 * s));
        axis->setSelectableParts(QCPAxis::spNone);
        axis->grid()->setVisible(!map);
        axis->grid()->setPen(QPen(gridColour, 1.0 * s));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->grid()->setSubGridVisible(false);
    }
    setTicker(rect->axis(QCPAxis::atBottom), false, 75 * s);
    setTicker(rect->axis(QCPAxis::atLeft), false, 70 * s);
    for (QCPAxis::AxisType type : {QCPAxis::atTop, QCPAxis::atRight}) {
        rect->axis(type)->setTicks(false); // a frame only: a log left axis has no twin
        rect->axis(type)->setTickLabels(false);
        rect->axis(type)->grid()->setVisible(false);
    }
    if (map) {
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
        rect->setRangeDragAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        rect->setRangeZoomAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        rect->setRangeZoomFactor(0.85);
        rect->axis(QCPAxis::atBottom)->setLabel("x");
        rect->axis(QCPAxis::atLeft)->setLabel("y");
    } else {
        rect->setRangeDrag(Qt::Orientations());
        rect->setRangeZoom(Qt::Orientations());
    }
    rect->setMinimumMargins(QMargins(int(8 * s), int(8 * s), int(8 * s), int(8 * s)));
    return rect;
}

void Figure::buildMaps(QCPLayoutGrid* panels)
{
    const double s = style_.scale;
    const int count = layout_ == SceneLayout::SmallMultiples ? std::max(1, multiplesCount_) : 1;
    const int columns = mapColumns();
    const int rows = (count + columns - 1) / columns;

    colourScale_ = new QCPColorScale(this);
    colourScale_->setLayer("background");
    colourScale_->axis()->setLayer("axes");
    colourScale_->setType(QCPAxis::atRight);
    colourScale_->setBarWidth(int(16 * s));
    colourScale_->setRangeDrag(false);
    colourScale_->setRangeZoom(false);
    colourScale_->setGradient(viridisGradient(512));
    colourScale_->setMarginGroup(QCP::msTop, topGroup_);
    colourScale_->setMarginGroup(QCP::msBottom, bottomGroup_);
    QCPAxis* scaleAxis = colourScale_->axis();
    scaleAxis->setBasePen(QPen(frameColour, 1.0 * s));
    scaleAxis->setTickPen(QPen(frameColour, 1.0 * s));
    scaleAxis->setSubTickPen(QPen(frameColour, 1.0 * s));
    scaleAxis->setTickLabelFont(figureFont(style_.tickFont));
    scaleAxis->setLabelFont(figureFont(style_.labelFont));
    scaleAxis->setTickLabelColor(inkColour);
    scaleAxis->setLabelColor(inkColour);
    scaleAxis->setLabelPadding(int(6 * s));
    scaleAxis->setSelectableParts(QCPAxis::spNone);

    QCPLayoutGrid* grid = panels;
    if (count > 1) {
        grid = new QCPLayoutGrid;
        panels->addElement(0, 0, grid);
        grid->setColumnSpacing(int(10 * s));
        grid->setRowSpacing(int(10 * s));
    }
    const QCPScatterStyle minimumStyle(starPath(),
        customPathPen(Qt::white, 1.5 * s, style_.minimumSize), QBrush(inkColour),
        style_.minimumSize);
    const QCPScatterStyle startStyle(
        QCPScatterStyle::ssCircle, QPen(inkColour, 2.25 * s), QBrush(Qt::white), style_.startSize);
    for (int i = 0; i < count; ++i) {
        MapPanel panel;
        panel.rect = addAxisRect(true);
        grid->addElement(i / columns, i % columns, panel.rect);
        if (i / columns == 0)
            panel.rect->setMarginGroup(QCP::msTop, topGroup_);
        if (i / columns == rows - 1)
            panel.rect->setMarginGroup(QCP::msBottom, bottomGroup_);
        if (i % columns == 0)
            panel.rect->setMarginGroup(QCP::msLeft, leftGroup_);
        if (i % columns == columns - 1 || i == count - 1)
            panel.rect->setMarginGroup(QCP::msRight, rightGroup_);
        QCPAxis* x = panel.rect->axis(QCPAxis::atBottom);
        QCPAxis* y = panel.rect->axis(QCPAxis::atLeft);

        panel.landscape = new LandscapeMap(x, y);
        panel.landscape->setLayer("landscape");
        panel.landscape->setColorScale(colourScale_);
        panel.landscape->setSelectable(QCP::stNone);
        panel.landscape->setContourPen(
            QPen(QColor(255, 255, 255, style_.contourAlpha), style_.contourWidth * s));
        panel.landscape->setBlankBrush(blankColour);

        panel.minima = new QCPGraph(x, y);
        panel.minima->setLayer("landscape");
        panel.minima->setLineStyle(QCPGraph::lsNone);
        panel.minima->setScatterStyle(minimumStyle);
        panel.minima->setSelectable(QCP::stNone);

        panel.start = new QCPGraph(x, y);
        panel.start->setLayer("runs");
        panel.start->setLineStyle(QCPGraph::lsNone);
        panel.start->setScatterStyle(startStyle);
        panel.start->setSelectable(QCP::stNone);

        if (count > 1) {
            panel.caption = new QCPItemText(this);
            panel.caption->setLayer("runs");
            panel.caption->setClipAxisRect(panel.rect);
            panel.caption->setClipToAxisRect(true);
            panel.caption->position->setType(QCPItemPosition::ptAxisRectRatio);
            panel.caption->position->setAxisRect(panel.rect);
            panel.caption->position->setCoords(0.02, 0.03);
            panel.caption->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            panel.caption->setFont(figureFont(style_.tickFont, true));
            panel.caption->setBrush(QColor(255, 255, 255, 225));
            panel.caption->setPen(Qt::NoPen);
            panel.caption->setPadding(QMargins(int(6 * s), int(3 * s), int(6 * s), int(3 * s)));
            panel.caption->setSelectable(false);
            panel.caption->setTextAlignment(Qt::AlignLeft);
        }
        maps_.push_back(panel);
    }
    panels->addElement(0, 1, colourScale_);
    if (count > 1)
        linkMapAxes();
}

void Figure::buildLossPanel()
{
    const double s = style_.scale;
    lossRect_ = addAxisRect(false);
    if (stacked_) {
        // Under the map: the same left and right edges.
        lossRect_->setMarginGroup(QCP::msLeft, leftGroup_);
        lossRect_->setMarginGroup(QCP::msRight, rightGroup_);
    } else {
        lossRect_->setMarginGroup(QCP::msTop, topGroup_);
        lossRect_->setMarginGroup(QCP::msBottom, bottomGroup_);
        // The last step label reaches past the panel's right edge, the figure's.
        lossRect_->setMinimumMargins(QMargins(int(8 * s), int(8 * s), int(22 * s), int(8 * s)));
    }
    lossRect_->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    lossRect_->axis(QCPAxis::atLeft)->setLabel(tr("loss f(x, y)"));
    setTicker(lossRect_->axis(QCPAxis::atLeft), false, 70 * style_.scale);
    setTicker(lossRect_->axis(QCPAxis::atRight), false, 70 * style_.scale);
    lossLogarithmic_ = false;
}

void Figure::linkMapAxes()
{
    for (std::size_t i = 0; i < maps_.size(); ++i) {
        for (QCPAxis::AxisType type : {QCPAxis::atBottom, QCPAxis::atLeft}) {
            QCPAxis* axis = maps_[i].rect->axis(type);
            connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this, i, type](const QCPRange& range) {
                    if (linking_)
                        return;
                    linking_ = true;
                    for (std::size_t j = 0; j < maps_.size(); ++j)
                        if (j != i)
                            maps_[j].rect->axis(type)->setRange(range);
                    linking_ = false;
                });
        }
    }
}

int Figure::mapColumns() const
{
    return layout_ == SceneLayout::SmallMultiples ? arrangement_.columns : 1;
}

QCPAxisRect* Figure::mapRect(int map) const
{
    return map >= 0 && map < mapCount() ? maps_[std::size_t(map)].rect : nullptr;
}

QCPCurve* Figure::pathCurve(int run) const
{
    return run >= 0 && run < runCount() ? runPlots_[std::size_t(run)].path : nullptr;
}

QCPGraph* Figure::lossGraph(int run) const
{
    return run >= 0 && run < runCount() ? runPlots_[std::size_t(run)].loss : nullptr;
}

QString Figure::runLabel(int run) const
{
    return run >= 0 && run < runCount() ? runPlots_[std::size_t(run)].label : QString();
}

void Figure::setPanels(Panels panels)
{
    if (panels == panels_)
        return;
    panels_ = panels;
    rebuild();
}

void Figure::setSceneLayout(SceneLayout layout, int runCount)
{
    const int count = layout == SceneLayout::SmallMultiples ? std::max(1, runCount) : 1;
    if (layout == layout_ && count == multiplesCount_)
        return;
    layout_ = layout;
    multiplesCount_ = count;
    rebuild();
}

void Figure::setLossAxisFollowsSteps(bool follow)
{
    if (follow == lossAxisPolicy_.followsSteps())
        return;
    lossAxisPolicy_.setFollowSteps(follow);
    updateRuns();
}

void Figure::setLossMeasure(LossMeasure measure)
{
    if (measure == measure_)
        return;
    measure_ = measure;
    for (RunPlot& plot : runPlots_)
        plot.historyId = 0; // other values on the same points: start over
    updateRuns();
}

// ------------------------------------------------------------------------- landscape

void Figure::setLandscape(const Scene& scene, const Surface& surface)
{
    followHiddenResize();
    const ViewRect home = scene.effectiveView(surface);
    const bool sameSurface = hasLandscape_ && scene.surface == surfaceName_;
    if (sameSurface && scene.surfaceParameters == surfaceParameters_
        && scene.expression == surfaceExpression_ && home == homeView_)
        return; // nothing the landscape depends on changed (the window calls this freely)
    // A zoom the user made survives a change of the surface's parameters.
    const ViewRect view = sameSurface && home == homeView_ && !maps_.empty() ? visibleView() : home;

    surfaceName_ = scene.surface;
    surfaceParameters_ = scene.surfaceParameters;
    surfaceExpression_ = scene.expression;
    homeView_ = home;
    try {
        surface_ = scene.makeSurface();
    } catch (const InvalidArgument&) {
        surface_.reset(); // not a catalogue surface: zoom then keeps the old heat map
    }
    minima_ = surface.minima();
    titleText_ = composeTitle(scene.surface, scene.surfaceParameters, scene.expression);

    computeLandscape(surface, isValidView(view) ? view : home);
    hasLandscape_ = true;
    applyLandscape();
    setMapRanges(landscapeView_);
    updateTitle();
    if (measure_ == LossMeasure::DistanceToMinimum) {
        for (RunPlot& plot : runPlots_)
            plot.historyId = 0; // distances to other minima: start over
        updateRuns();
    }
}

void Figure::computeLandscape(const Surface& surface, const ViewRect& view)
{
    if (!isValidView(view))
        return;
    const int samples = maps_.size() > 1 ? multiplesGridSamples : gridSamples;
    const SurfaceGrid grid = evaluateGrid(surface, view, samples, samples);
    const std::vector<double> levels = chooseLevels(grid, contourCount);
    const bool spread = grid.hasFiniteValues() && grid.maxValue() > grid.minValue();
    logColours_ = spread && !levels.empty() && chooseSpacing(grid) == LevelSpacing::Log;

    auto lines = std::make_shared<QVector<QPolygonF>>();
    for (const Contour& contour : extractContours(grid, levels)) {
        for (const Polyline& polyline : contour.lines) {
            QPolygonF polygon;
            polygon.reserve(qsizetype(polyline.size()));
            for (const Point2& p : polyline)
                polygon.append(QPointF(p.x, p.y));
            lines->append(polygon);
        }
    }
    contours_ = std::move(lines);

    // Colours by log10(f − min + offset) where the surface spans decades, so that the
    // valley is not one flat colour; the offset sits a decade below the lowest contour.
    const double minimum = grid.minValue();
    double offset = 0.0;
    if (logColours_) {
        const double range = grid.maxValue() - minimum;
        offset = std::max((levels.front() - minimum) / 10.0, range * 1e-12);
        colourRange_ = QCPRange(offset, range + offset);
    } else if (spread) {
        colourRange_ = QCPRange(minimum, grid.maxValue());
    } else if (grid.hasFiniteValues()) {
        colourRange_ = QCPRange(minimum - 1.0, minimum + 1.0);
    } else {
        colourRange_ = QCPRange(0.0, 1.0);
    }
    mapData_ = std::make_unique<QCPColorMapData>(
        samples, samples, QCPRange(view.xMin, view.xMax), QCPRange(view.yMin, view.yMax));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int row = 0; row < samples; ++row) {
        for (int column = 0; column < samples; ++column) {
            const double value = grid.value(column, row);
            double z = nan;
            if (std::isfinite(value))
                z = logColours_ ? value - minimum + offset : value;
            mapData_->setCell(column, row, z);
        }
    }
    landscapeView_ = view;
}

void Figure::applyLandscape()
{
    if (!hasLandscape_ || !mapData_ || maps_.empty())
        return;
    if (colourScale_) {
        colourScale_->setDataScaleType(logColours_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        setTicker(colourScale_->axis(), logColours_, 70 * style_.scale);
        colourScale_->setDataRange(colourRange_);
        colourScale_->setLabel(
            logColours_ ? tr("f − f_min   (log scale)") : QStringLiteral("f(x, y)"));
    }
    QVector<QCPGraphData> minima;
    for (const Point2& p : minima_)
        if (std::isfinite(p.x) && std::isfinite(p.y))
            minima.append(QCPGraphData(p.x, p.y));
    std::sort(minima.begin(), minima.end(), qcpLessThanSortKey<QCPGraphData>);
    for (MapPanel& panel : maps_) {
        panel.landscape->setMapData(*mapData_);
        panel.landscape->setContours(contours_);
        panel.landscape->setDataScaleType(logColours_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        panel.landscape->setDataRange(colourRange_);
        panel.landscape->invalidateCache();
        panel.minima->data()->set(minima, true);
    }
}

void Figure::setMapRanges(const ViewRect& view)
{
    linking_ = true;
    for (MapPanel& panel : maps_) {
        panel.rect->axis(QCPAxis::atBottom)->setRange(view.xMin, view.xMax);
        panel.rect->axis(QCPAxis::atLeft)->setRange(view.yMin, view.yMax);
    }
    linking_ = false;
}

ViewRect Figure::visibleView() const
{
    if (maps_.empty())
        return landscapeView_;
    const QCPRange x = maps_.front().rect->axis(QCPAxis::atBottom)->range();
    const QCPRange y = maps_.front().rect->axis(QCPAxis::atLeft)->range();
    return ViewRect {x.lower, x.upper, y.lower, y.upper};
}

void Figure::resetView()
{
    wheelTimer_.stop();
    if (!hasLandscape_)
        return;
    setMapRanges(homeView_);
    if (!(landscapeView_ == homeView_) && surface_) {
        computeLandscape(*surface_, homeView_);
        applyLandscape();
    }
}

void Figure::onUserViewChange()
{
    const ViewRect view = visibleView();
    if (hasLandscape_ && surface_ && isValidView(view) && !(view == landscapeView_)) {
        computeLandscape(*surface_, view);
        applyLandscape();
    }
    replot(rpQueuedReplot);
    emit viewChangedByUser(view);
}

void Figure::setStart(Point2 start)
{
    start_ = start;
    hasStart_ = std::isfinite(start.x) && std::isfinite(start.y);
    updateStartMarkers();
}

void Figure::updateStartMarkers()
{
    for (MapPanel& panel : maps_) {
        if (hasStart_)
            panel.start->data()->set({QCPGraphData(start_.x, start_.y)}, true);
        else
            panel.start->data()->clear();
    }
}

// ------------------------------------------------------------------------------ runs

void Figure::setRuns(const Scene& scene, const QVector<RunSeries>& series)
{
    followHiddenResize();
    series_ = series; // implicitly shared: no copy of the points
    runStyles_.clear();
    for (const OptimizerEntry& entry : scene.optimizers)
        if (entry.enabled)
            runStyles_.push_back({entry.label(), entry.colour});
    stepBudget_ = scene.steps;
    if (layout_ == SceneLayout::SmallMultiples
        && std::max(1, int(series.size())) != multiplesCount_) {
        multiplesCount_ = std::max(1, int(series.size()));
        rebuild(); // calls updateRuns()
        return;
    }
    updateRuns();
}

void Figure::syncRunPlots()
{
    const int count = int(series_.size());
    while (runCount() > count) {
        const RunPlot& plot = runPlots_.back();
        for (QCPAbstractPlottable* plottable : std::initializer_list<QCPAbstractPlottable*> {
                 plot.halo, plot.path, plot.end, plot.loss})
            if (plottable)
                removePlottable(plottable);
        runPlots_.pop_back();
        pathOrder_.clear();
    }
    while (runCount() < count) {
        const int run = runCount();
        RunPlot plot;
        const int map = layout_ == SceneLayout::SmallMultiples ? run : 0;
        if (map < mapCount()) {
            QCPAxis* x = maps_[std::size_t(map)].rect->axis(QCPAxis::atBottom);
            QCPAxis* y = maps_[std::size_t(map)].rect->axis(QCPAxis::atLeft);
            plot.halo = new TrajectoryCurve(x, y);
            plot.halo->setLayer("runs");
            plot.path = new TrajectoryCurve(x, y);
            plot.path->setLayer("runs");
            plot.halo->setData(plot.path->data()); // one container for both
            plot.end = new QCPCurve(x, y);
            plot.end->setLayer("runs");
            plot.end->setLineStyle(QCPCurve::lsNone);
            for (QCPCurve* curve : {plot.halo, plot.path, plot.end})
                curve->setSelectable(QCP::stNone);
        }
        if (lossRect_) {
            plot.loss = new LossGraph(
                lossRect_->axis(QCPAxis::atBottom), lossRect_->axis(QCPAxis::atLeft));
            plot.loss->setLayer("runs");
            plot.loss->setSelectable(QCP::stNone);
        }
        plot.legendOwner = plot.loss ? static_cast<QCPAbstractPlottable*>(plot.loss) : plot.path;
        if (plot.legendOwner)
            plot.legendOwner->addToLegend(legend_);
        runPlots_.push_back(plot);
    }
}

void Figure::updateRuns()
{
    const RunFrame before = runFrame();
    syncRunPlots();
    const bool distance = measure_ == LossMeasure::DistanceToMinimum && !minima_.empty();
    // The loss axis fits the runs that did not diverge (when there are any): a diverged
    // run's loss explodes by tens of decades and would flatten every other curve; it
    // leaves through the top instead.
    ValueSpan all, stable;
    double lastStep = 0.0;
    bool streaming = false;
    const QPen haloPen(QColor(255, 255, 255), style_.haloWidth, Qt::SolidLine, Qt::RoundCap);
    const double s = style_.scale;

    for (int run = 0; run < runCount(); ++run) {
        RunPlot& plot = runPlots_[std::size_t(run)];
        const RunSeries& series = series_[run];
        const RunStyle style = std::size_t(run) < runStyles_.size()
            ? runStyles_[std::size_t(run)]
            : RunStyle {tr("run %1").arg(run + 1), palette::pathColour(run)};

        appendRunData(plot, series, distance);
        all.include(plot.lossSpan);
        if (series.status() != RunStatus::Diverged)
            stable.include(plot.lossSpan);
        lastStep = std::max(lastStep, plot.lastStep);
        streaming = streaming || series.status() == RunStatus::Running;

        QString label = style.label;
        const bool diverged = series.status() == RunStatus::Diverged;
        if (diverged)
            label += QString(" — diverged at step %1").arg(series.divergedAtStep());
        if (series.isDecimated())
            label += QString(" (1 step in %1 kept)").arg(series.stride());
        plot.label = label;

        const QPen pathPen(style.colour, style_.pathWidth, Qt::SolidLine, Qt::RoundCap);
        if (plot.path) {
            plot.path->setPen(pathPen);
            plot.halo->setPen(haloPen);
            const int points = plot.path->data()->size();
            plot.path->setScatterStyle(points < denseIterates
                    ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.0 * s),
                        QBrush(style.colour), style_.dotSize)
                    : QCPScatterStyle(QCPScatterStyle::ssNone));
            if (points == 0) {
                plot.end->data()->clear();
            } else {
                const QCPCurveData& last = *(plot.path->data()->constEnd() - 1);
                plot.end->data()->set({QCPCurveData(0.0, last.key, last.value)}, true);
            }
            if (diverged) {
                const double size = style_.endSize * 1.5;
                plot.end->setScatterStyle(QCPScatterStyle(crossPath(),
                    customPathPen(Qt::white, 1.5 * s, size), QBrush(style.colour), size));
            } else {
                plot.end->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                    QPen(Qt::white, 2.0 * s), QBrush(style.colour), style_.endSize));
            }
        }
        if (plot.loss)
            plot.loss->setPen(pathPen);
        if (plot.legendOwner) {
            plot.legendOwner->setName(label);
            if (QCPPlottableLegendItem* item = legend_->itemWithPlottable(plot.legendOwner)) {
                item->setTextColor(readableOnWhite(style.colour));
                item->setFont(figureFont(style_.legendFont));
            }
        }
        if (layout_ == SceneLayout::SmallMultiples && run < mapCount()) {
            if (QCPItemText* caption = maps_[std::size_t(run)].caption) {
                // Narrow maps: the status goes on a line of its own.
                caption->setText(diverged ? tr("%1\ndiverged at step %2")
                                                .arg(style.label)
                                                .arg(series.divergedAtStep())
                                          : style.label);
                caption->setColor(readableOnWhite(style.colour));
            }
        }
    }
    // Maps without a run (small multiples before the runs arrive) have no caption text.
    for (int map = 0; map < mapCount(); ++map)
        if (QCPItemText* caption = maps_[std::size_t(map)].caption) {
            if (map >= runCount())
                caption->setText(QString());
            caption->setVisible(!caption->text().isEmpty());
        }

    orderPaths();
    updateLossAxes(
        stable.hasData() ? stable : all, stable.hasData() ? all.max : all.min, lastStep, streaming);
    updateLegendLayout();
    updateArrows();
    stackRunLayer();
    runsChanged_ = true;
    frameChanged_ = frameChanged_ || !(runFrame() == before);
}

void Figure::appendRunData(RunPlot& plot, const RunSeries& series, bool distance)
{
    // Start over when the series' history changed (a new run, a reset, a thinning), or
    // when a value ≤ 0 was raised to the floor of a logarithmic loss axis (see
    // updateLossAxes), a floor that moves with the axis.
    const bool same = plot.historyId == series.historyId() && plot.drawnPoints > 0
        && series.size() >= plot.drawnPoints - 1 && !(plot.lossSpan.min <= 0.0);
    int first = 0; // the first series point to add
    if (same) {
        first = plot.drawnPoints - 1; // the newest drawn point may have been replaced
        plot.pathLength = plot.finalPathLength;
        plot.movingSteps = plot.finalMovingSteps;
        const double keepUpTo = first > 0 ? series.steps()[first - 1] : -1.0;
        if (plot.path)
            plot.path->data()->removeAfter(keepUpTo);
        if (plot.loss)
            plot.loss->data()->removeAfter(keepUpTo);
    } else {
        plot.historyId = series.historyId();
        plot.finalPathLength = 0.0;
        plot.finalMovingSteps = 0;
        plot.movingSteps = 0;
        plot.lastFinalPoint.reset();
        plot.pathLength = 0.0;
        plot.lossSpan = ValueSpan();
        plot.lastStep = 0.0;
        if (plot.path)
            plot.path->data()->clear();
        if (plot.loss)
            plot.loss->data()->clear();
    }

    // Only finite points are drawn: the runner stops at divergence, but a point that is
    // not finite must never reach the painter. The curve's sort key is the step number,
    // which only grows, so appending keeps the data sorted at no cost.
    const int n = series.size();
    QVector<QCPCurveData> points;
    QVector<QCPGraphData> losses;
    points.reserve(n - first);
    losses.reserve(n - first);
    std::optional<QPointF> previous = plot.lastFinalPoint;
    // Steps shorter than this (a ten-thousandth of the view) do not move the path: a run
    // that has converged and idles does not count them.
    const double stillStep
        = 1e-4 * std::min(homeView_.xMax - homeView_.xMin, homeView_.yMax - homeView_.yMin);
    for (int k = first; k < n; ++k) {
        if (k == n - 1) { // everything before the newest point is final from now on
            plot.finalPathLength = plot.pathLength;
            plot.finalMovingSteps = plot.movingSteps;
            plot.lastFinalPoint = previous;
        }
        const double x = series.x()[k];
        const double y = series.y()[k];
        const double step = series.steps()[k];
        const bool finitePoint = std::isfinite(x) && std::isfinite(y);
        if (finitePoint) {
            points.append(QCPCurveData(step, x, y));
            if (previous) {
                const double length = std::hypot(x - previous->x(), y - previous->y());
                plot.pathLength += length;
                plot.movingSteps += length > stillStep ? 1 : 0;
            }
            previous = QPointF(x, y);
        }
        const double value = distance ? (finitePoint ? nearestDistance(x, y, minima_)
                                                     : std::numeric_limits<double>::quiet_NaN())
                                      : series.loss()[k];
        if (std::isfinite(value) && std::isfinite(step)) {
            losses.append(QCPGraphData(step, value));
            plot.lossSpan.include(value);
            plot.lastStep = std::max(plot.lastStep, step);
        }
    }
    if (plot.path)
        plot.path->data()->add(points, true);
    if (plot.loss)
        plot.loss->data()->add(losses, true);
    plot.drawnPoints = n;
}

Figure::RunFrame Figure::runFrame() const
{
    RunFrame frame;
    if (lossRect_) {
        frame.lossKeys = lossRect_->axis(QCPAxis::atBottom)->range();
        frame.lossValues = lossRect_->axis(QCPAxis::atLeft)->range();
    }
    frame.lossLogarithmic = lossLogarithmic_;
    for (const RunPlot& plot : runPlots_)
        frame.labels << plot.label;
    return frame;
}

void Figure::refresh()
{
    if (refreshQueued_)
        return;
    refreshQueued_ = true;
    QMetaObject::invokeMethod(this, &Figure::performRefresh, Qt::QueuedConnection);
}

void Figure::performRefresh()
{
    refreshQueued_ = false;
    if (frameChanged_) {
        replot(rpRefreshHint);
    } else if (runsChanged_) {
        runsChanged_ = false;
        layer("runs")->replot(); // a full replot where the paint buffers need one
        emit runsRepainted();
    }
}

int Figure::arrowCount() const
{
    return int(inspectorArrows_->arrows().size());
}

void Figure::setInspectedRun(int run)
{
    inspectedRun_ = run;
    updateArrows();
    stackRunLayer();
    runsChanged_ = true;
}

void Figure::updateArrows()
{
    inspectorArrows_->clear();
    const int run = inspectedRun_;
    if (run < 0 || run >= int(series_.size()) || mapCount() == 0)
        return;
    const RunSeries& series = series_[run];
    if (series.size() < 2 || series.stepsTaken() == 0)
        return;
    const int map = layout_ == SceneLayout::SmallMultiples ? std::min(run, mapCount() - 1) : 0;
    QCPAxisRect* rect = mapRect(map);
    if (!rect)
        return;
    const OptimizerState& state = series.state();
    const Vector* velocity = state.vector("momentum_buffer");
    if (!velocity)
        velocity = state.vector("exp_avg");
    const QColor runColour
        = run < int(runStyles_.size()) ? runStyles_[std::size_t(run)].colour : QColor(Qt::black);
    std::vector<InspectorArrows::Input> arrows;
    const auto add = [&](const Vector* v, double sign, const QColor& colour, Qt::PenStyle style,
                         const QString& name) {
        if (v && v->size() >= 2)
            arrows.push_back({name, QPointF(sign * (*v)[0], sign * (*v)[1]), colour, style});
    };
    add(state.vector("update"), 1.0, runColour, Qt::SolidLine, tr("update"));
    add(state.vector("gradient"), -1.0, QColor(20, 20, 20), Qt::SolidLine, tr("−∇f"));
    add(velocity, -1.0, QColor(90, 90, 90), Qt::DashLine, tr("velocity"));

    // The labels keep clear of the recent points of every path on this map.
    std::vector<QPointF> avoid;
    constexpr int recentPoints = 300;
    for (int other = 0; other < runCount(); ++other) {
        const QCPCurve* path = runPlots_[std::size_t(other)].path;
        if (!path || path->keyAxis() != rect->axis(QCPAxis::atBottom))
            continue;
        const auto points = path->data();
        for (int i = std::max(0, points->size() - recentPoints); i < points->size(); ++i) {
            const QCPCurveData& point = *points->at(i);
            avoid.push_back(pixelOf(Point2 {point.key, point.value}, map));
        }
    }
    // The step started at the point before the newest one.
    const QPointF from(series.x()[series.size() - 2], series.y()[series.size() - 2]);
    arrowsPlacedIn_ = mapRect(0)->rect();
    arrowsPlacedFor_ = visibleView();
    inspectorArrows_->show(rect, from, arrows, avoid,
        {style_.scale, style_.legendFont, int(std::lround(style_.tickFont * 0.95))});
}

void Figure::orderPaths()
{
    // A path of long jumps (L-BFGS, Newton) covers a fine-stepped one that follows the
    // same valley (momentum, Adam) wherever they share it, yet between its few points it
    // is a straight line that hides nothing else: paths are drawn in order of their mean
    // step (over the steps that moved), the longest at the bottom. Slow optimizers, whose short
    // paths faster ones often retrace (GD under momentum on Rosenbrock), take small steps and stay
    // on top.
    std::vector<std::pair<double, int>> steps;
    for (int run = 0; run < runCount(); ++run) {
        const RunPlot& plot = runPlots_[std::size_t(run)];
        if (plot.path)
            steps.emplace_back(-plot.pathLength / std::max(1, plot.movingSteps), run);
    }
    std::stable_sort(steps.begin(), steps.end());
    std::vector<int> order;
    for (const auto& entry : steps)
        order.push_back(entry.second);
    pathOrder_ = order;

    // Where paths run together (down the same valley floor), the one on top would hide
    // those under it entirely: each path under others is drawn wider by a stripe per
    // path above it, so that it shows as a coloured edge along them.
    const double stripe = (presentation_ ? 4.0 : 3.5) * style_.scale;
    const int count = int(pathOrder_.size());
    for (int level = 0; level < count; ++level) {
        RunPlot& plot = runPlots_[std::size_t(pathOrder_[std::size_t(level)])];
        int above = 0; // paths drawn over this one on the same map
        for (int upper = level + 1; upper < count; ++upper)
            above += runPlots_[std::size_t(pathOrder_[std::size_t(upper)])].path->keyAxis()
                    == plot.path->keyAxis()
                ? 1
                : 0;
        const double width = style_.pathWidth + stripe * std::min(above, 3);
        QPen pen = plot.path->pen();
        pen.setWidthF(width);
        plot.path->setPen(pen);
        QPen halo = plot.halo->pen();
        halo.setWidthF(width + (style_.haloWidth - style_.pathWidth));
        plot.halo->setPen(halo);
    }
}

void Figure::stackRunLayer()
{
    // Everything on the "runs" layer, bottom to top: every halo under every path (a path
    // crossing another stays unbroken), the loss curves, the current points, the start
    // markers and captions, the arrows. setLayer() moves an object to the top of its layer.
    std::vector<QCPLayerable*> stack;
    for (int run : pathOrder_)
        stack.push_back(runPlots_[std::size_t(run)].halo);
    for (int run : pathOrder_)
        stack.push_back(runPlots_[std::size_t(run)].path);
    for (const RunPlot& plot : runPlots_)
        stack.push_back(plot.loss);
    for (const RunPlot& plot : runPlots_)
        stack.push_back(plot.end);
    for (const MapPanel& panel : maps_) {
        stack.push_back(panel.start);
        stack.push_back(panel.caption);
    }
    for (QCPAbstractItem* item : inspectorArrows_->items())
        stack.push_back(item);
    for (QCPLayerable* layerable : stack)
        if (layerable)
            layerable->setLayer("runs");
}

void Figure::updateLossAxes(
    const ValueSpan& values, double divergedTop, double lastStep, bool streaming)
{
    if (!lossRect_)
        return;
    QCPAxis* x = lossRect_->axis(QCPAxis::atBottom);
    QCPAxis* y = lossRect_->axis(QCPAxis::atLeft);
    x->setRange(0.0, lossAxisPolicy_.stepAxisEnd(lastStep, double(stepBudget_)));
    if (lossAxisHeld_) {
        if (lossLogarithmic_ && values.min <= 0.0) // as below: raised to the floor
            for (RunPlot& plot : runPlots_)
                if (plot.loss)
                    for (auto it = plot.loss->data()->begin(); it != plot.loss->data()->end(); ++it)
                        if (it->value <= 0.0)
                            it->value = y->range().lower;
        return;
    }

    // Log once the values span two decades and none is negative (LossAxisPolicy: with
    // hysteresis while animating). Values of exactly 0 (a minimum reached exactly) sit at
    // the bottom edge of a log axis.
    const bool hasData = std::isfinite(values.min) && std::isfinite(values.max);
    const bool logarithmic = lossAxisPolicy_.chooseLogarithmic(
        {hasData, values.minPositive, values.max, values.anyNegative}, lastStep, logColours_);
    const bool wasLogarithmic = lossLogarithmic_;
    if (logarithmic != lossLogarithmic_) {
        setTicker(y, logarithmic, 70 * style_.scale);
        setTicker(lossRect_->axis(QCPAxis::atRight), logarithmic, 70 * style_.scale);
        lossLogarithmic_ = logarithmic;
    }
    if (!hasData) {
        y->setRange(0.0, 1.0);
    } else if (logarithmic) {
        // A diverged run's finite losses climb above the others: the axis rises for them
        // by two decades or half the others' span, then they leave through the top (all
        // of them would flatten every other curve by tens of decades).
        const double low = std::log10(values.minPositive);
        double high = std::log10(values.max);
        if (divergedTop > values.max)
            high = std::min(std::log10(divergedTop), high + std::max(2.0, 0.5 * (high - low)));
        const QCPRange range
            = settledRange(y->range(), low, high, true, streaming && logarithmic == wasLogarithmic);
        y->setRange(range);
        const double floor = range.lower;
        if (values.min <= 0.0)
            for (RunPlot& plot : runPlots_)
                if (plot.loss)
                    for (auto it = plot.loss->data()->begin(); it != plot.loss->data()->end(); ++it)
                        if (it->value <= 0.0)
                            it->value = floor;
    } else {
        double high = values.max;
        if (divergedTop > values.max) // as above: half the others' span for the climb
            high = std::min(divergedTop,
                high + std::max(0.5 * (values.max - values.min), 0.25 * std::abs(values.max)));
        y->setRange(settledRange(
            y->range(), values.min, high, false, streaming && logarithmic == wasLogarithmic));
    }
    if (measure_ == LossMeasure::DistanceToMinimum)
        y->setLabel(minima_.empty() ? tr("loss f(x, y)   (no known minimum)")
                                    : tr("distance to nearest minimum"));
    else
        y->setLabel(tr("loss f(x, y)"));
}

// ----------------------------------------------------------------------- text layout

void Figure::updateTitle()
{
    if (!title_)
        return;
    const int margin = int(40 * style_.scale);
    title_->setText(wrapText(titleText_, figureFont(style_.titleFont, true), width() - margin));
    title_->setVisible(!titleText_.isEmpty());
}

void Figure::updateLegendLayout()
{
    if (!legend_)
        return;
    const int count = legend_->itemCount();
    legend_->setVisible(count > 0);
    if (count == 0)
        return;
    int widest = 1;
    for (int i = 0; i < count; ++i)
        if (QCPAbstractLegendItem* item = legend_->item(i))
            widest = std::max(widest, item->minimumOuterSizeHint().width());
    const int available = width() - int(40 * style_.scale);
    const int columns = std::clamp(
        (available + legend_->columnSpacing()) / (widest + legend_->columnSpacing()), 1, count);
    if (legend_->wrap() != columns) {
        legend_->setWrap(columns);
        legend_->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

FigureLayout Figure::arrangementFor(QSize size) const
{
    const int maps = layout_ == SceneLayout::SmallMultiples ? std::max(1, multiplesCount_) : 1;
    if (panels_ == Panels::LossOnly)
        return FigureLayout {};
    return FigureLayout::choose(size, maps, panels_ == Panels::SurfaceAndLoss);
}

void Figure::adaptToSize(QSize size)
{
    const Style style = styleFor(size, presentation_);
    if (style.scale != style_.scale || !(arrangementFor(size) == arrangement_)) {
        style_ = style;
        rebuild();
    } else {
        updateTitle();
        updateLegendLayout();
    }
}

void Figure::followHiddenResize()
{
    // A hidden figure (an export's, an animation's) gets no resize event until shown:
    // its layout follows its size here instead.
    if (isVisible())
        return;
    const QSize now = size();
    if (styleFor(now, presentation_).scale != style_.scale
        || !(arrangementFor(now) == arrangement_)) {
        style_ = styleFor(now, presentation_);
        rebuild();
    }
}

void Figure::resizeEvent(QResizeEvent* event)
{
    adaptToSize(event->size());
    QCustomPlot::resizeEvent(event);
    updateLayout(); // so that the coming replot picks tick steps for the new axis lengths
}

// ----------------------------------------------------------------------------- mouse

int Figure::mapAt(const QPointF& pos) const
{
    for (int map = 0; map < mapCount(); ++map)
        if (maps_[std::size_t(map)].rect->rect().contains(pos.toPoint()))
            return map;
    return -1;
}

QPointF Figure::pixelOf(Point2 point, int map) const
{
    const QCPAxisRect* rect = mapRect(map);
    if (!rect)
        return QPointF();
    return QPointF(rect->axis(QCPAxis::atBottom)->coordToPixel(point.x),
        rect->axis(QCPAxis::atLeft)->coordToPixel(point.y));
}

Point2 Figure::coordinatesAt(int map, const QPointF& pos) const
{
    const QCPAxisRect* rect = mapRect(map);
    if (!rect)
        return start_;
    return Point2 {rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x()),
        rect->axis(QCPAxis::atLeft)->pixelToCoord(pos.y())};
}

bool Figure::isNearStart(int map, const QPointF& pos) const
{
    if (!hasStart_)
        return false;
    const QPointF centre = pixelOf(start_, map);
    const double reach = style_.startSize / 2 + 8.0 * style_.scale;
    return QLineF(centre, pos).length() <= reach;
}

void Figure::mousePressEvent(QMouseEvent* event)
{
    pressPos_ = event->pos();
    pressMap_ = mapAt(event->position());
    pressView_ = visibleView();
    draggingStart_ = false;
    if (event->button() == Qt::LeftButton && pressMap_ >= 0
        && isNearStart(pressMap_, event->position())) {
        // The drag moves the marker; QCustomPlot must not start panning.
        draggingStart_ = true;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void Figure::mouseMoveEvent(QMouseEvent* event)
{
    if (draggingStart_) {
        const ViewRect view = visibleView();
        Point2 point = coordinatesAt(pressMap_, event->position());
        point.x
            = std::clamp(point.x, std::min(view.xMin, view.xMax), std::max(view.xMin, view.xMax));
        point.y
            = std::clamp(point.y, std::min(view.yMin, view.yMax), std::max(view.yMin, view.yMax));
        setStart(point);
        emit startPicked(point.x, point.y);
        replot(rpQueuedReplot);
        event->accept();
        return;
    }
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton) {
        const int map = mapAt(event->position());
        if (map >= 0 && isNearStart(map, event->position()))
            setCursor(Qt::OpenHandCursor);
        else if (map >= 0)
            setCursor(Qt::CrossCursor);
        else
            unsetCursor();
    }
}

void Figure::mouseReleaseEvent(QMouseEvent* event)
{
    if (draggingStart_) {
        draggingStart_ = false;
        pressMap_ = -1;
        setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    const int map = pressMap_;
    const bool click = event->button() == Qt::LeftButton && map >= 0
        && (event->pos() - pressPos_).manhattanLength() < 5;
    QCustomPlot::mouseReleaseEvent(event);
    pressMap_ = -1;
    if (click) {
        if (!(visibleView() == pressView_))
            setMapRanges(pressView_); // a click's jitter is not a pan
        const Point2 point = coordinatesAt(map, pressPos_);
        setStart(point);
        emit startPicked(point.x, point.y);
        replot(rpQueuedReplot);
    } else if (map >= 0 && !(visibleView() == pressView_)) {
        onUserViewChange();
    }
}

void Figure::wheelEvent(QWheelEvent* event)
{
    const ViewRect before = visibleView();
    QCustomPlot::wheelEvent(event);
    if (!(visibleView() == before))
        wheelTimer_.start(); // recompute once the wheel rests
}

// ---------------------------------------------------------------------------- export

bool Figure::exportTo(const QString& path, double scale, QString* error)
{
    adaptToSize(size()); // the style of the figure's current size, as the window shows it
    return exportPlot(*this, path, scale, titleText_, error);
}

} // namespace optviz
