#include "surface_3d_view.h"

#include "scene.h"

#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DInputHandler>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QCustom3DLabel>
#include <QtDataVisualization/QLogValue3DAxisFormatter>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtDataVisualization/QValue3DAxis>
#include <QtDataVisualization/QValue3DAxisFormatter>

#include <QAction>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// Q3DInputHandler rotates with the right button and selects with the left; the view
// selects nothing, and a teacher drags with the left button: it rotates too.
class RotatingInputHandler : public Q3DInputHandler
{
public:
    using Q3DInputHandler::Q3DInputHandler;

    void mousePressEvent(QMouseEvent* event, const QPoint& mousePos) override
    {
        if (event->button() != Qt::LeftButton) {
            Q3DInputHandler::mousePressEvent(event, mousePos);
            return;
        }
        QMouseEvent right(event->type(), event->position(), event->globalPosition(),
            Qt::RightButton, Qt::RightButton, event->modifiers(), event->pointingDevice());
        Q3DInputHandler::mousePressEvent(&right, mousePos);
    }
};

// Whether an OpenGL context can be made current here: the offscreen platform and
// machines without a GL driver cannot, and Q3DSurface does not survive that.
bool openGlAvailable()
{
    QOpenGLContext context;
    if (!context.create())
        return false;
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return false;
    context.doneCurrent();
    return true;
}

// The labels float this fraction of the height axis above the surface (in log units on
// a log axis), so that they are not buried in a wall.
constexpr double markerLift = 0.15;

double lifted(const HeightScale& scale, double height)
{
    if (scale.logarithmic)
        return height * std::pow(scale.upper / scale.lower, markerLift);
    return height + (scale.upper - scale.lower) * markerLift;
}

} // namespace

Surface3DView::Surface3DView(QWidget* parent)
    : QWidget(parent)
    , layout_(new QVBoxLayout(this))
    , updateTimer_(new QTimer(this))
    , resetCameraAction_(new QAction(tr("Reset &Camera"), this))
    , hint_(new QLabel(tr("Drag to rotate · wheel to zoom"), this))
{
    setObjectName("surface3DView");
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(2);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 0);
    hint_->setObjectName("surface3DHint");
    bar->addWidget(hint_);
    bar->addStretch();
    resetCameraAction_->setToolTip(tr("Back to the initial viewing angle and zoom"));
    auto* reset = new QToolButton(this);
    reset->setDefaultAction(resetCameraAction_);
    bar->addWidget(reset);
    layout_->addLayout(bar);
    setMinimumSize(280, 240);

    updateTimer_->setSingleShot(true);
    updateTimer_->setInterval(updateInterval);
    connect(updateTimer_, &QTimer::timeout, this, &Surface3DView::update3D);
    connect(resetCameraAction_, &QAction::triggered, this, &Surface3DView::resetCamera);
}

Surface3DView::~Surface3DView()
{
    updateTimer_->stop();
}

void Surface3DView::setLandscape(const Scene& scene, const Surface& surface)
{
    const ViewRect view = scene.effectiveView(surface);
    if (surface_ && scene.surface == surfaceName_ && scene.surfaceParameters == surfaceParameters_
        && scene.expression == surfaceExpression_ && view == view_)
        return;
    try {
        surface_ = scene.makeSurface();
    } catch (const InvalidArgument&) {
        return; // the window refuses such a scene before it gets here
    }
    surfaceName_ = scene.surface;
    surfaceParameters_ = scene.surfaceParameters;
    surfaceExpression_ = scene.expression;
    view_ = view;
    meshDirty_ = true;
    scheduleUpdate();
}

void Surface3DView::setRuns(const Scene& runScene, const QVector<RunSeries>& series)
{
    series_ = series; // implicitly shared: no copy of the points
    colours_.clear();
    labels_.clear();
    for (const OptimizerEntry& entry : runScene.optimizers) {
        if (!entry.enabled)
            continue;
        colours_.append(entry.colour);
        labels_.append(entry.label());
    }
    pathsDirty_ = true;
    scheduleUpdate();
}

void Surface3DView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!contentCreated_)
        createContent();
    scheduleUpdate();
}

void Surface3DView::scheduleUpdate()
{
    // Hidden, the view only remembers what changed; showing it catches up.
    if (!isVisible() || !(meshDirty_ || pathsDirty_) || updateTimer_->isActive())
        return;
    updateTimer_->start();
}

void Surface3DView::update3D()
{
    if (!isVisible())
        return;
    if (meshDirty_)
        rebuildMesh();
    if (pathsDirty_)
        rebuildPaths();
}

void Surface3DView::rebuildMesh()
{
    meshDirty_ = false;
    if (!surface_)
        return;
    QElapsedTimer timer;
    timer.start();
    try {
        mesh_ = buildSurfaceMesh3D(*surface_, view_, meshSamples);
    } catch (const InvalidArgument&) {
        return; // an empty or non-finite view: keep the last mesh
    }
    texture_.setMesh(*surface_, mesh_);
    showMesh();
    meshMs_ = double(timer.nsecsElapsed()) / 1e6;
    pathsDirty_ = true; // heights and texture changed under the paths
}

void Surface3DView::rebuildPaths()
{
    pathsDirty_ = false;
    if (!surface_ || mesh_.grid.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    // Half a texel of the 1024² texture: finer detail would not show.
    const double tolerance = 0.5 / SurfaceTexture3D::size;
    paths_.clear();
    paths_.reserve(std::size_t(series_.size()));
    for (const RunSeries& run : std::as_const(series_))
        paths_.push_back(buildRunPath3D(*surface_, mesh_, run, tolerance));
    showPaths();
    pathsMs_ = double(timer.nsecsElapsed()) / 1e6;
    // Long noisy paths take a while to paint: then wait twice that long before the next
    // update, so that the 3-D view never takes more than a third of the UI thread from
    // the 2-D figure's streaming.
    updateTimer_->setInterval(std::max(updateInterval, int(2.0 * pathsMs_)));
}

void Surface3DView::createContent()
{
    contentCreated_ = true;
    if (!openGlAvailable()) {
        auto* label = new QLabel(tr("The 3-D view needs OpenGL, which is not available here "
                                    "(no OpenGL driver, or a display without one)."),
            this);
        label->setObjectName("surface3DUnavailable");
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        layout_->addWidget(label, 1);
        hint_->hide();
        resetCameraAction_->setEnabled(false);
        return;
    }
    graph_ = new Q3DSurface;
    QWidget* container = QWidget::createWindowContainer(graph_, this);
    container->setObjectName("surface3DContainer");
    container->setFocusPolicy(Qt::StrongFocus);
    container->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    layout_->addWidget(container, 1);

    graph_->setActiveInputHandler(new RotatingInputHandler(graph_));
    graph_->setShadowQuality(QAbstract3DGraph::ShadowQualityNone); // llvmpipe: keep it light
    graph_->setSelectionMode(QAbstract3DGraph::SelectionNone);
    Q3DTheme* theme = graph_->activeTheme();
    theme->setType(Q3DTheme::ThemePrimaryColors);
    theme->setBackgroundColor(Qt::white);
    theme->setWindowColor(Qt::white);
    theme->setLabelTextColor(QColor(30, 30, 30));
    theme->setLabelBackgroundEnabled(false);
    theme->setGridLineColor(QColor(200, 200, 200));
    // Mostly ambient light: the texture's colours stay those of the 2-D colour scale,
    // with just enough shading to read the shape (and no glare).
    theme->setAmbientLightStrength(0.7f);
    theme->setLightStrength(1.5f);
    theme->setHighlightLightStrength(2.5f);
    QFont font = theme->font();
    font.setPointSize(40);
    theme->setFont(font);

    graph_->axisX()->setTitle(QStringLiteral("x"));
    graph_->axisZ()->setTitle(QStringLiteral("y"));
    for (QValue3DAxis* axis : {graph_->axisX(), graph_->axisY(), graph_->axisZ()}) {
        axis->setTitleVisible(true);
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setSegmentCount(4);
    }

    surfaceSeries_ = new QSurface3DSeries;
    surfaceSeries_->setDrawMode(QSurface3DSeries::DrawSurface);
    surfaceSeries_->setFlatShadingEnabled(false);
    surfaceSeries_->setItemLabelFormat(QStringLiteral("(@xLabel, @zLabel): @yLabel"));
    graph_->addSeries(surfaceSeries_);
    resetCamera();
    // The data may have been built while hidden: show it all.
    if (!mesh_.grid.isEmpty()) {
        showMesh();
        showPaths();
    }
}

void Surface3DView::resetCamera()
{
    if (!graph_)
        return;
    Q3DCamera* camera = graph_->scene()->activeCamera();
    // From the front-left and well above, like the 2-D figure tipped back: x runs left
    // to right, y away from the viewer, and the paths in a valley are not behind its wall.
    camera->setCameraPosition(-20.0f, 60.0f, 110.0f);
    camera->setTarget(QVector3D(0.0f, 0.0f, 0.0f));
}

void Surface3DView::showMesh()
{
    if (!graph_ || mesh_.grid.isEmpty())
        return;
    const SurfaceGrid& grid = mesh_.grid;
    const ViewRect& view = grid.view();
    graph_->axisX()->setRange(float(view.xMin), float(view.xMax));
    graph_->axisZ()->setRange(float(view.yMin), float(view.yMax));
    QValue3DAxis* heightAxis = graph_->axisY();
    if (mesh_.scale.logarithmic) {
        auto* formatter = new QLogValue3DAxisFormatter;
        formatter->setAutoSubGrid(false);
        formatter->setShowEdgeLabels(false); // 6e-02 over 1e-01 is unreadable
        heightAxis->setFormatter(formatter);
        heightAxis->setLabelFormat(QStringLiteral("%.0e"));
        heightAxis->setTitle(tr("f − f_min (log scale)"));
    } else {
        heightAxis->setFormatter(new QValue3DAxisFormatter);
        heightAxis->setLabelFormat(QStringLiteral("%.3g"));
        heightAxis->setTitle(tr("f(x, y)"));
    }
    heightAxis->setRange(float(mesh_.scale.lower), float(mesh_.scale.upper));

    // Rows of increasing y, each of increasing x: Q3DSurface's layout. A node where f is
    // not finite sits on the floor; its colour (the texture's blank) shows it.
    auto* rows = new QSurfaceDataArray;
    rows->reserve(grid.rows());
    for (int row = 0; row < grid.rows(); ++row) {
        auto* line = new QSurfaceDataRow(grid.columns());
        for (int column = 0; column < grid.columns(); ++column) {
            double height = mesh_.height(column, row);
            if (!std::isfinite(height))
                height = mesh_.scale.lower;
            (*line)[column].setPosition(
                QVector3D(float(grid.x(column)), float(height), float(grid.y(row))));
        }
        rows->append(line);
    }
    surfaceSeries_->dataProxy()->resetArray(rows);
}

void Surface3DView::showPaths()
{
    if (!graph_ || mesh_.grid.isEmpty())
        return;
    surfaceSeries_->setTexture(texture_.withPaths(paths_, colours_));

    // A label over each run's current point, in its colour: which path is which.
    while (markers_.size() > qsizetype(paths_.size()))
        graph_->removeCustomItem(markers_.takeLast());
    while (markers_.size() < qsizetype(paths_.size())) {
        auto* marker = new QCustom3DLabel;
        marker->setFacingCamera(true);
        marker->setBorderEnabled(false);
        marker->setScaling(QVector3D(1.0f, 1.0f, 1.0f));
        graph_->addCustomItem(marker);
        markers_.append(marker);
    }
    for (std::size_t run = 0; run < paths_.size(); ++run) {
        QCustom3DLabel* marker = markers_[qsizetype(run)];
        const RunPath3D& path = paths_[run];
        marker->setVisible(path.hasCurrent);
        if (!path.hasCurrent)
            continue;
        QString text = labels_.value(qsizetype(run), tr("run %1").arg(run + 1));
        if (run < std::size_t(series_.size())
            && series_[qsizetype(run)].status() == RunStatus::Diverged)
            text = tr("%1 — diverged").arg(text);
        const QColor colour = colours_.value(qsizetype(run), Qt::black);
        marker->setText(text);
        marker->setBackgroundColor(colour);
        marker->setTextColor(colour.lightnessF() > 0.6 ? Qt::black : Qt::white);
        marker->setPosition(QVector3D(float(path.current.x),
            float(lifted(mesh_.scale, path.current.height)), float(path.current.y)));
    }
}

} // namespace optviz
