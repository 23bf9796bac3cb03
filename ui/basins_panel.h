#pragma once

#include "background_runs.h"
#include "core/basins.h"
#include "scene.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QTimer;

namespace optviz {

class BasinMapView;

// The "Basins" dock: for every enabled optimizer of the scene, side by side, each start
// point of the view coloured by the known minimum the optimizer reaches from it (within
// a distance tolerance) in the scene's step budget; the colours and the drawing are
// those of `optviz-cli basins --out FILE.png`. Computed on a worker thread
// (BackgroundRuns, every core) while the dock is visible, and again whenever the scene
// changes the maps (surface, view, optimizers, budget, gradients). A click on a map
// moves the scene's start point there.
class BasinsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BasinsPanel(QWidget* parent = nullptr);

    // Never emits; recomputes after a short pause when the maps would change.
    void setScene(const Scene& scene);
    const Scene& scene() const { return scene_; }
    // Cells along the longer side of the view (the other in proportion).
    void setResolution(int cells);
    void setTolerance(double tolerance);

    int mapCount() const { return int(views_.size()); }
    BasinMapView* mapView(int index) const { return views_.value(index); }
    bool isComputing() const { return runs_->isRunning(); }
    QString statusText() const;

    // Room for a readable plot when the dock opens below the figure.
    QSize sizeHint() const override { return {680, 460}; }

signals:
    void sceneEdited(const optviz::Scene& scene);
    void mapsShown(); // newly computed maps are on screen

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Request
    {
        Scene scene; // reduced to what the maps depend on
        BasinGrid grid;
        double tolerance = 0.0;
        friend bool operator==(const Request&, const Request&) = default;
    };

    void onControlsEdited();
    void scheduleCompute();
    void compute();
    void rebuildViews(int count);
    void arrangeViews();
    void updateLegend(const std::vector<Point2>& minima);
    void updateProgress();
    void setStatus(const QString& text, bool error = false);

    Scene scene_;
    std::unique_ptr<Surface> surface_;
    int resolution_ = 120;
    double tolerance_ = 1e-2;
    std::optional<Request> requested_;
    std::optional<Request> shownRequest_;
    bool dirty_ = true;
    bool filling_ = false;
    qint64 computeStarted_ = 0;
    int columns_ = 0;

    BackgroundRuns* runs_;
    QTimer* debounce_;
    QTimer* progressTimer_;
    QComboBox* resolutionBox_;
    QLineEdit* toleranceEdit_;
    QWidget* mapHolder_;
    QGridLayout* mapLayout_;
    QList<BasinMapView*> views_;
    QLabel* legendLabel_;
    QLabel* statusLabel_;
};

} // namespace optviz
