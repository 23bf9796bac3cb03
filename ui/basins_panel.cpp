#include "basins_panel.h"

#include "basin_map_painter.h"
#include "basin_map_view.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

constexpr int debounceMs = 120;

QString colourSquare(const QColor& colour)
{
    return QStringLiteral("<span style='color:%1; font-size:large'>■</span>").arg(colour.name());
}

} // namespace

BasinsPanel::BasinsPanel(QWidget* parent)
    : QWidget(parent)
    , runs_(new BackgroundRuns(this))
    , debounce_(new QTimer(this))
    , progressTimer_(new QTimer(this))
    , resolutionBox_(new QComboBox(this))
    , toleranceEdit_(new QLineEdit(this))
    , mapHolder_(new QWidget(this))
    , mapLayout_(new QGridLayout(mapHolder_))
    , legendLabel_(new QLabel(this))
    , statusLabel_(new QLabel(this))
{
    setObjectName("basinsPanel");
    debounce_->setSingleShot(true);
    debounce_->setInterval(debounceMs);
    progressTimer_->setInterval(150);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    auto* controls = new QHBoxLayout;
    resolutionBox_->addItem(tr("Coarse (60 cells)"), 60);
    resolutionBox_->addItem(tr("Medium (120 cells)"), 120);
    resolutionBox_->addItem(tr("Fine (240 cells)"), 240);
    resolutionBox_->setCurrentIndex(1);
    resolutionBox_->setToolTip(tr("Start points along the longer side of the view"));
    toleranceEdit_->setText(QString::number(tolerance_, 'g', 4));
    toleranceEdit_->setToolTip(tr("A run reached a minimum if it ends within this distance of it"));
    toleranceEdit_->setMaximumWidth(fontMetrics().horizontalAdvance("0.000000000"));
    controls->addWidget(new QLabel(tr("Start points"), this));
    controls->addWidget(resolutionBox_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Tolerance"), this));
    controls->addWidget(toleranceEdit_);
    controls->addStretch(1);
    layout->addLayout(controls);
    mapHolder_->installEventFilter(this);
    mapLayout_->setContentsMargins(0, 0, 0, 0);
    mapLayout_->setSpacing(6);
    layout->addWidget(mapHolder_, 1);
    legendLabel_->setTextFormat(Qt::RichText);
    legendLabel_->setWordWrap(true);
    layout->addWidget(legendLabel_);
    statusLabel_->setWordWrap(true);
    statusLabel_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(statusLabel_);

    connect(resolutionBox_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filling_)
            setResolution(resolutionBox_->currentData().toInt());
    });
    connect(toleranceEdit_, &QLineEdit::editingFinished, this, &BasinsPanel::onControlsEdited);
    connect(debounce_, &QTimer::timeout, this, &BasinsPanel::compute);
    connect(progressTimer_, &QTimer::timeout, this, &BasinsPanel::updateProgress);
    connect(runs_, &BackgroundRuns::failed, this, [this](const QString& message) {
        progressTimer_->stop();
        setStatus(message, true);
    });
}

QString BasinsPanel::statusText() const
{
    return statusLabel_->text();
}

void BasinsPanel::setStatus(const QString& text, bool error)
{
    statusLabel_->setText(text);
    statusLabel_->setStyleSheet(error ? QStringLiteral("color: #B00020;") : QString());
}

void BasinsPanel::setScene(const Scene& scene)
{
    if (!surface_ || scene.surface != scene_.surface
        || scene.surfaceParameters != scene_.surfaceParameters
        || scene.expression != scene_.expression) {
        try {
            surface_ = scene.makeSurface();
        } catch (const InvalidArgument& error) {
            setStatus(QString::fromUtf8(error.what()), true);
            return;
        }
    }
    scene_ = scene;
    const Point2 start = scene_.effectiveStart(*surface_);
    for (BasinMapView* view : views_)
        view->setStart(start);
    scheduleCompute();
}

void BasinsPanel::setResolution(int cells)
{
    resolution_ = std::clamp(cells, 4, BasinGrid::maxSide);
    filling_ = true;
    const int index = resolutionBox_->findData(resolution_);
    if (index >= 0)
        resolutionBox_->setCurrentIndex(index);
    filling_ = false;
    scheduleCompute();
}

void BasinsPanel::setTolerance(double tolerance)
{
    toleranceEdit_->setText(QString::number(tolerance, 'g', 6));
    onControlsEdited();
}

void BasinsPanel::onControlsEdited()
{
    double tolerance = 0.0;
    if (!parseDouble(toleranceEdit_->text().trimmed().toStdString(), tolerance)
        || tolerance <= 0.0) {
        setStatus(tr("Tolerance '%1' is not accepted; accepted: a distance > 0, e.g. 0.01")
                      .arg(toleranceEdit_->text()),
            true);
        return;
    }
    tolerance_ = tolerance;
    scheduleCompute();
}

void BasinsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (dirty_)
        scheduleCompute();
}

void BasinsPanel::scheduleCompute()
{
    if (!isVisible()) {
        dirty_ = true; // computed when shown: no work for a closed dock
        runs_->cancel();
        progressTimer_->stop();
        return;
    }
    debounce_->start();
}

void BasinsPanel::rebuildViews(int count)
{
    if (count == views_.size())
        return;
    for (BasinMapView* view : views_)
        view->deleteLater();
    views_.clear();
    for (int i = 0; i < count; ++i) {
        auto* view = new BasinMapView(mapHolder_);
        connect(view, &BasinMapView::pointClicked, this, [this](double x, double y) {
            Scene edited = scene_;
            edited.start = Point2 {x, y};
            emit sceneEdited(edited);
        });
        views_.append(view);
    }
    arrangeViews();
}

void BasinsPanel::arrangeViews()
{
    // As many columns as make the maps largest in the space there is: one row in a wide
    // dock below the figure, a column in a tall one beside it.
    const int count = int(views_.size());
    const QSize room = mapHolder_->size();
    int columns = 1;
    double best = 0.0;
    for (int c = 1; c <= std::max(1, count); ++c) {
        const int rows = (count + c - 1) / c;
        const double side
            = std::min(double(room.width()) / c, double(room.height()) / std::max(1, rows));
        if (side > best + 0.5) {
            best = side;
            columns = c;
        }
    }
    if (columns == columns_ && mapLayout_->count() == count)
        return;
    columns_ = columns;
    for (BasinMapView* view : views_)
        mapLayout_->removeWidget(view);
    for (int i = 0; i < count; ++i)
        mapLayout_->addWidget(views_[i], i / columns, i % columns);
}

bool BasinsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == mapHolder_ && event->type() == QEvent::Resize)
        arrangeViews();
    return QWidget::eventFilter(watched, event);
}

void BasinsPanel::updateLegend(const std::vector<Point2>& minima)
{
    QStringList entries;
    for (std::size_t i = 0; i < minima.size(); ++i)
        entries << colourSquare(basins::minimumColour(int(i)))
                + QStringLiteral("&nbsp;%1&nbsp;(%2,&nbsp;%3)")
                      .arg(i)
                      .arg(QString::number(minima[i].x, 'g', 4),
                          QString::number(minima[i].y, 'g', 4));
    entries << colourSquare(basins::noneColour()) + tr("&nbsp;no minimum within tolerance");
    entries << colourSquare(basins::divergedColour()) + tr("&nbsp;diverged");
    entries << tr("<b>★</b>&nbsp;known minimum &nbsp; <b>○</b>&nbsp;start of the runs");
    legendLabel_->setText(entries.join(QStringLiteral(" &nbsp; ")));
}

void BasinsPanel::compute()
{
    if (!isVisible() || !surface_) {
        dirty_ = true;
        return;
    }
    dirty_ = false;
    double tolerance = 0.0;
    if (!parseDouble(toleranceEdit_->text().trimmed().toStdString(), tolerance) || tolerance <= 0.0)
        return; // onControlsEdited() said why

    QList<OptimizerEntry> enabled;
    for (const OptimizerEntry& entry : scene_.optimizers)
        if (entry.enabled)
            enabled.append(entry);
    if (enabled.isEmpty()) {
        runs_->cancel();
        rebuildViews(0);
        setStatus(tr("No enabled optimizer in the scene."));
        return;
    }

    // The scene reduced to what the maps depend on: the start, the layout or a colour
    // do not change them.
    Request request;
    request.scene = scene_;
    request.scene.start.reset();
    request.scene.view = scene_.effectiveView(*surface_);
    request.scene.layout = SceneLayout::Overlay;
    request.scene.lossMeasure = LossMeasure::Loss;
    request.scene.title.clear();
    request.scene.text.clear();
    request.scene.optimizers = enabled;
    for (OptimizerEntry& entry : request.scene.optimizers)
        entry.colour = QColor();
    const ViewRect view = *request.scene.view;
    const double aspect = std::clamp((view.xMax - view.xMin) / (view.yMax - view.yMin), 0.2, 5.0);
    request.grid.view = view;
    request.grid.width
        = aspect >= 1.0 ? resolution_ : std::max(4, int(std::lround(resolution_ * aspect)));
    request.grid.height
        = aspect >= 1.0 ? std::max(4, int(std::lround(resolution_ / aspect))) : resolution_;
    request.tolerance = tolerance;
    if (requested_ && *requested_ == request && (runs_->isRunning() || shownRequest_ == request))
        return;
    requested_ = request;

    std::vector<RunSetup> setups;
    QStringList titles;
    for (const OptimizerEntry& entry : enabled) {
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
        setups.push_back(std::move(setup));
        titles << entry.label();
    }
    rebuildViews(int(enabled.size()));
    for (int i = 0; i < views_.size(); ++i)
        views_[i]->setStart(scene_.effectiveStart(*surface_));

    auto results = std::make_shared<std::vector<std::shared_ptr<const BasinMap>>>();
    const BasinGrid grid = request.grid;
    const long long total = static_cast<long long>(setups.size()) * grid.width * grid.height;
    computeStarted_ = QDateTime::currentMSecsSinceEpoch();
    runs_->start(
        [setups, grid, tolerance, results](const ParallelControl& control) {
            for (const RunSetup& setup : setups) {
                auto map = std::make_shared<BasinMap>(runBasins(setup, grid, tolerance, control));
                if (!map->complete)
                    return;
                results->push_back(std::move(map));
            }
        },
        [this, results, request, titles] {
            progressTimer_->stop();
            if (results->size() != std::size_t(titles.size()))
                return;
            shownRequest_ = request;
            for (int i = 0; i < views_.size() && i < titles.size(); ++i)
                views_[i]->setMap((*results)[std::size_t(i)], titles[i]);
            updateLegend(results->front()->minima);
            const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - computeStarted_;
            setStatus(tr("%1 × %2 start points, %3 steps each, in %4 s. Click a map to start the "
                         "runs there.")
                          .arg(request.grid.width)
                          .arg(request.grid.height)
                          .arg(request.scene.steps)
                          .arg(elapsed / 1000.0, 0, 'f', 2));
            emit mapsShown();
        },
        total);
    progressTimer_->start();
    updateProgress();
}

void BasinsPanel::updateProgress()
{
    if (!runs_->isRunning()) {
        progressTimer_->stop();
        return;
    }
    setStatus(tr("Computing… %1 %").arg(int(100.0 * runs_->progress())));
}

} // namespace optviz
