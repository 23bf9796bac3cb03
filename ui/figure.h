#pragma once

#include "figure_layout.h"
#include "loss_axis_policy.h"
#include "run_series.h"
#include "scene.h"

#include <qcustomplot.h>

#include <QPointer>
#include <QTimer>
#include <QVector>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace optviz {

class InspectorArrows;
class LandscapeMap;

// The one renderer of a scene (design.md, "Figure rendering"): the surface as a heat map
// with contour lines and a colour bar, known minima, the start marker, one trajectory
// per optimizer with its current point and a legend, and the loss-versus-step panel.
// The window shows it; its exports and `optviz-cli render` draw the very same object.
//
// Layers, bottom to top: "landscape" (heat map, contours and minima; the heat map with
// its contours caches its rendering, so redrawing it costs one blit), "background" (axis
// rects, colour scale), "grid", "main", then "runs" in a paint buffer of its own (halos,
// paths, loss curves, current points, start markers, captions, arrows), then "axes",
// "legend", "overlay". While runs stream in, refresh() repaints the "runs" buffer alone.
// Paths and loss curves are simplified in pixel space as they are drawn (TrajectoryCurve,
// LossGraph), so thousands of steps replot in milliseconds.
//
// Mouse: a click on a map picks a start point; a drag that begins on the start marker
// moves it (startPicked while dragging); any other drag pans and the wheel zooms the
// map (all maps of small multiples follow). After a zoom or pan the figure recomputes
// its heat map and contours for the new view itself and emits viewChangedByUser.
class Figure : public QCustomPlot
{
    Q_OBJECT

public:
    enum class Panels { SurfaceAndLoss, SurfaceOnly, LossOnly };

    explicit Figure(QWidget* parent = nullptr);
    ~Figure() override;

    // Rebuilds the heat map, contours, minima, title and colour scale: call when the
    // surface, its parameters or the scene's view change. Shows the scene's view (its
    // "home", where resetView() returns), except that a zoom the user made is kept when
    // only the surface's parameters changed. Does not replot.
    void setLandscape(const Scene& scene, const Surface& surface);
    // Redraws paths, current points, loss curves and legend from the runs (series[i]
    // belongs to the scene's i-th *enabled* optimizer, whose label and colour it takes).
    // Cheap: never touches the heat map or the contours. Does not replot.
    void setRuns(const Scene& scene, const QVector<RunSeries>& series);
    void setStart(Point2 start);
    Point2 start() const { return start_; }
    void setPanels(Panels panels);
    Panels panels() const { return panels_; }
    // Overlay (one map) or small multiples (one map per run in rows and columns that keep
    // each map near square for the figure's size, linked axes, one colour scale). setRuns() adds or
    // removes maps when the run count changes.
    void setSceneLayout(SceneLayout layout, int runCount);
    SceneLayout sceneLayout() const { return layout_; }
    void setLossMeasure(LossMeasure measure);
    LossMeasure lossMeasure() const { return measure_; }
    // Keeps the loss axis's range and scale as they are while the runs change (an
    // animation fits them to its finished runs first, so that its frames do not jump);
    // false: the axis fits the runs again at the next setRuns().
    void setLossAxisHeld(bool held) { lossAxisHeld_ = held; }
    // Animate mode: the loss panel's step axis follows the steps taken (with headroom)
    // instead of spanning the budget, and its log/linear choice does not flip during
    // Play (LossAxisPolicy). Instant mode (false, the default): whole runs.
    void setLossAxisFollowsSteps(bool follow);
    bool lossAxisFollowsSteps() const { return lossAxisPolicy_.followsSteps(); }
    // Where the panels went for the figure's size (loss under the map, map columns).
    const FigureLayout& arrangement() const { return arrangement_; }
    // Replots what changed since the last replot at the next turn of the event loop:
    // while runs stream in, usually just the layer with the paths, current points and
    // arrows (a fraction of a full replot); everything when the loss axes, the legend
    // or anything else changed. Several calls before then cost one replot.
    void refresh();

    // The surface axes' current range (after zoom and pan).
    ViewRect visibleView() const;
    // Back to the home view of the last setLandscape(), heat map recomputed. Does not
    // emit viewChangedByUser.
    void resetView();

    // The lecture-hall style (presentation mode): larger type, thicker paths and
    // markers, more opaque contour lines. Rebuilds the layout; does not replot.
    void setPresentationStyle(bool presentation);
    bool presentationStyle() const { return presentation_; }

    // Writes the figure as PNG (at `scale` × its size), SVG or PDF, chosen by the file's
    // extension; false and a message naming the path in `error` on failure (unknown
    // extension, missing or unwritable folder, scale outside (0, 8]).
    bool exportTo(const QString& path, double scale, QString* error);

    // What is drawn, for tests and the window.
    int mapCount() const { return int(maps_.size()); }
    QCPAxisRect* mapRect(int map) const;
    QCPAxisRect* lossRect() const { return lossRect_; }
    QCPColorScale* colourScale() const { return colourScale_; }
    int runCount() const { return int(runPlots_.size()); }
    // The run's trajectory on its map, its loss (or distance) curve; null where the
    // panel is hidden.
    QCPCurve* pathCurve(int run) const;
    QCPGraph* lossGraph(int run) const;
    // The run's legend text: "adam lr=1 — diverged at step 12".
    QString runLabel(int run) const;
    // The pixel (widget coordinates) of a surface point on a map.
    QPointF pixelOf(Point2 point, int map = 0) const;

    // Draws the step inspector's arrows for `run` (−1: none) at the point where its last
    // step started: the descent direction −∇f, the move the step made and, where the
    // optimizer keeps one, its velocity or first moment: to scale where that reads well,
    // else scaled by a factor that a caption on the map states (InspectorArrows). Does
    // not replot.
    void setInspectedRun(int run);
    int inspectedRun() const { return inspectedRun_; }
    int arrowCount() const;
    // The arrows' true and drawn lengths, their labels' places and the caption that says
    // what the lengths mean.
    const InspectorArrows& inspectorArrows() const { return *inspectorArrows_; }

signals:
    // The user clicked the map or dragged the start marker to (x, y).
    void startPicked(double x, double y);
    // The user zoomed or panned the map (the heat map is already recomputed).
    void viewChangedByUser(const ViewRect& view);
    // refresh() repainted the runs' layer alone (a full replot emits afterReplot).
    void runsRepainted();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    // Sizes that grow with the figure, so that a 2560 × 1440 export reads like the
    // window does: `scale` is 1 up to 1280 × 800 and at most 1.6.
    struct Style
    {
        double scale = 1.0;
        int tickFont = 15; // pixels: ≥ 11 pt at 96 dpi, at any export resolution
        int labelFont = 17;
        int titleFont = 19;
        int legendFont = 16;
        double pathWidth = 2.75;
        double haloWidth = 6.0;
        double endSize = 12.0;
        double startSize = 15.0;
        double minimumSize = 18.0;
        double dotSize = 5.5;
        int contourAlpha = 120;
        double contourWidth = 1.0;
    };
    int inspectedRun_ = -1;
    std::unique_ptr<InspectorArrows> inspectorArrows_;
    QRect arrowsPlacedIn_; // the first map's geometry and view when the arrows were placed
    ViewRect arrowsPlacedFor_;

    // The extent of the values on the loss axis.
    struct ValueSpan
    {
        double min = std::numeric_limits<double>::infinity();
        double max = -std::numeric_limits<double>::infinity();
        double minPositive = std::numeric_limits<double>::infinity();
        bool anyNegative = false;
        void include(double value)
        {
            min = std::min(min, value);
            max = std::max(max, value);
            if (value > 0.0)
                minPositive = std::min(minPositive, value);
            anyNegative = anyNegative || value < 0.0;
        }
        bool hasData() const { return min <= max; }
        void include(const ValueSpan& other)
        {
            if (!other.hasData())
                return;
            include(other.min);
            include(other.max);
            minPositive = std::min(minPositive, other.minPositive);
            anyNegative = anyNegative || other.anyNegative;
        }
    };

    struct MapPanel
    {
        QCPAxisRect* rect = nullptr;
        LandscapeMap* landscape = nullptr;
        QCPGraph* minima = nullptr;
        QCPGraph* start = nullptr;
        QCPItemText* caption = nullptr; // small multiples: the run's label
    };
    struct RunPlot
    {
        QCPCurve* halo = nullptr;
        QCPCurve* path = nullptr;
        QCPCurve* end = nullptr; // current point, or ✕ where the run diverged
        QCPGraph* loss = nullptr;
        QCPAbstractPlottable* legendOwner = nullptr;
        QString label;

        // What the plot data already holds, so that a streamed batch only appends its
        // new points: the series' first `drawnPoints` points of history `historyId`.
        // The newest of them may be replaced by the next batch (RunSeries keeps it
        // between strides); everything before it is final, summed up below.
        quint64 historyId = 0;
        int drawnPoints = 0;
        double finalPathLength = 0.0; // over the final points
        std::optional<QPointF> lastFinalPoint; // the last finite one of them
        double pathLength = 0.0; // including the newest point
        int finalMovingSteps = 0; // segments longer than a ten-thousandth of the view
        int movingSteps = 0;
        ValueSpan lossSpan; // every loss (or distance) value drawn
        double lastStep = 0.0;
    };
    struct RunStyle
    {
        QString label;
        QColor colour;
    };

    static Style styleFor(QSize size, bool presentation);
    void rebuild();
    QCPAxisRect* addAxisRect(bool map);
    void buildMaps(QCPLayoutGrid* panels);
    int mapColumns() const;
    void buildLossPanel();
    void linkMapAxes();
    void computeLandscape(const Surface& surface, const ViewRect& view);
    void applyLandscape();
    void setMapRanges(const ViewRect& view);
    void updateStartMarkers();
    void updateRuns();
    void updateArrows();
    void syncRunPlots();
    void appendRunData(RunPlot& plot, const RunSeries& series, bool distance);
    void orderPaths();
    void stackRunLayer();
    void performRefresh();
    // What, outside the runs' own layer, an update of the runs can change.
    struct RunFrame
    {
        QCPRange lossKeys, lossValues;
        bool lossLogarithmic = false;
        QStringList labels;
        bool operator==(const RunFrame&) const = default;
    };
    RunFrame runFrame() const;
    // `values`: what the axis fits; `divergedTop`: the largest finite loss of the diverged
    // runs, given room above the others.
    void updateLossAxes(
        const ValueSpan& values, double divergedTop, double lastStep, bool streaming);
    void updateTitle();
    void updateLegendLayout();
    void adaptToSize(QSize size);
    void followHiddenResize();
    FigureLayout arrangementFor(QSize size) const;
    int mapAt(const QPointF& pos) const;
    bool isNearStart(int map, const QPointF& pos) const;
    Point2 coordinatesAt(int map, const QPointF& pos) const;
    void onUserViewChange();

    Panels panels_ = Panels::SurfaceAndLoss;
    SceneLayout layout_ = SceneLayout::Overlay;
    LossMeasure measure_ = LossMeasure::Loss;
    int multiplesCount_ = 1;
    Style style_;
    bool presentation_ = false;

    // The layout (rebuilt by rebuild()).
    QCPTextElement* title_ = nullptr;
    QCPLegend* legend_ = nullptr;
    QCPLayoutGrid* legendRow_ = nullptr;
    QCPColorScale* colourScale_ = nullptr;
    QCPAxisRect* lossRect_ = nullptr;
    QPointer<QCPMarginGroup> topGroup_, bottomGroup_, leftGroup_, rightGroup_;
    FigureLayout arrangement_; // for the size of the last rebuild
    bool stacked_ = false; // the loss panel under the map rather than beside it
    std::vector<MapPanel> maps_;
    std::vector<RunPlot> runPlots_;
    bool lossLogarithmic_ = false;
    bool lossAxisHeld_ = false;
    LossAxisPolicy lossAxisPolicy_;
    std::vector<int> pathOrder_; // runs in drawing order
    bool refreshQueued_ = false;
    bool runsChanged_ = false; // the runs' layer needs a repaint
    bool frameChanged_ = false; // so does something outside it

    // The landscape (from setLandscape; survives rebuilds).
    bool hasLandscape_ = false;
    std::string surfaceName_;
    ParameterValues surfaceParameters_;
    std::string surfaceExpression_; // the formula of surface "expr"
    std::unique_ptr<Surface> surface_; // our own copy, to recompute after zoom and pan
    std::vector<Point2> minima_;
    ViewRect homeView_;
    ViewRect landscapeView_; // the view the heat map was computed for
    std::unique_ptr<QCPColorMapData> mapData_;
    std::shared_ptr<const QVector<QPolygonF>> contours_;
    bool logColours_ = false;
    QCPRange colourRange_;
    QString titleText_;

    // The runs (from setRuns; survive rebuilds).
    QVector<RunSeries> series_;
    std::vector<RunStyle> runStyles_;
    long long stepBudget_ = 0;
    Point2 start_;
    bool hasStart_ = false;

    // Mouse state.
    QPoint pressPos_;
    int pressMap_ = -1;
    ViewRect pressView_;
    bool draggingStart_ = false;
    bool linking_ = false;
    QTimer wheelTimer_; // coalesces wheel steps before the heat map is recomputed
};

} // namespace optviz
