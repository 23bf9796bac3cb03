#pragma once

#include "background_runs.h"
#include "core/stability.h"
#include "core/sweep.h"
#include "scene.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QBoxLayout;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QMouseEvent;
class QStackedWidget;
class QTimer;

namespace optviz {

// The "Hyperparameter map" dock: for one optimizer of the scene, the final loss (or the
// steps to a tolerance) over the range of one hyperparameter (a curve) or two (a heat
// map with a log colour scale), every run from the scene's start for the scene's step
// budget; diverged runs are marked. Computed on a worker thread (BackgroundRuns, every
// core) while the panel is visible, and again, cancelling the old map, whenever the scene
// changes in a way that changes the map ("live"). A click loads the values under the
// mouse into the optimizer (sceneEdited, like the optimizer cards). Where theory is exact
// (torch's SGD on a quadratic surface, exact gradients, constant lr) the edge of
// stability is drawn over it: lr = 2/L for gradient descent as a vertical line, and
// lr = 2(1 + momentum)/L for heavy-ball momentum as a curve in (lr, momentum).
class HyperparameterMapPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Measure { FinalLoss, StepsToTolerance };

    explicit HyperparameterMapPanel(QWidget* parent = nullptr);

    // Never emits. Recomputes (after a short pause, so that a dragged slider restarts
    // the map once per pause rather than per pixel) when the map would change.
    void setScene(const Scene& scene);
    const Scene& scene() const { return scene_; }

    // The optimizer entry mapped, and the varied parameters (an empty name for the
    // second: a curve). Each setter recomputes.
    void setEntry(int index);
    int entry() const { return entryIndex_; }
    void setAxis(int axis, const std::string& name, double low, double high, bool logarithmic);
    void setMeasure(Measure measure);
    void setResolution(int perAxis); // values per axis of a map; a curve gets 3× as many
    void setTolerance(double tolerance);

    // What is shown, for tests and the window.
    const SweepResult* result() const { return shown_.get(); }
    bool isComputing() const { return runs_->isRunning(); }
    // The edge of stability drawn (the learning rate of the vertical line of a curve
    // over lr), or nothing.
    std::optional<double> theoryEdge() const { return theoryEdge_; }
    int theoryCurvePoints() const;
    QCustomPlot* curvePlot() const { return curvePlot_; }
    QCustomPlot* mapPlot() const { return mapPlot_; }
    QCustomPlot* currentPlot() const;
    // The widget pixel (of currentPlot()) of the run with these values.
    QPoint pixelOf(double first, double second = 0.0) const;
    QString statusText() const;

    // Room for a readable plot when the dock opens below the figure.
    QSize sizeHint() const override { return {680, 460}; }

signals:
    void sceneEdited(const optviz::Scene& scene);
    void mapShown(); // a newly computed map or curve is on screen

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct AxisControls
    {
        QComboBox* name = nullptr;
        QLineEdit* low = nullptr;
        QLineEdit* high = nullptr;
        QCheckBox* logarithmic = nullptr;
    };

    void buildPlots();
    void updateEntryBox();
    void resetAxes();
    void fillAxisNames();
    void onControlsEdited();
    std::optional<std::vector<SweepAxis>> axesFromControls(QString* error) const;
    Scene requestScene(const std::vector<SweepAxis>& axes) const;
    void scheduleCompute();
    void compute();
    void showResult();
    void showCurve();
    void showMap();
    void drawTheory();
    void drawCurrentValues();
    void updateProgress();
    double displayValue(const SweepRun& run, bool* marked, int* mark) const;
    // The run nearest to a plot pixel: its indices on each axis.
    std::optional<std::pair<int, int>> runAt(const QPointF& pixel) const;
    void onPlotClicked(QMouseEvent* event);
    void onPlotHovered(QMouseEvent* event);
    void setStatus(const QString& text, bool error = false);

    Scene scene_;
    std::unique_ptr<Surface> surface_; // of scene_, for the start and the theory
    int entryIndex_ = 0;
    std::string entryName_; // the optimizer the axes were made for
    Measure measure_ = Measure::FinalLoss;
    int resolution_ = 50;
    double tolerance_ = 1e-6;

    // The request of the map in flight or shown: the scene reduced to what the map
    // depends on, with the axes and tolerance.
    struct Request
    {
        Scene scene;
        std::vector<SweepAxis> axes;
        double tolerance = 0.0;
        friend bool operator==(const Request&, const Request&) = default;
    };
    std::optional<Request> requested_;
    std::optional<Request> shownRequest_;
    std::shared_ptr<const SweepResult> shown_;
    std::optional<Curvature> curvature_; // of the shown map's surface, when constant
    std::optional<double> theoryEdge_;
    bool dirty_ = true; // the scene changed while hidden
    bool filling_ = false; // controls being set by code: no reaction
    qint64 computeStarted_ = 0;

    BackgroundRuns* runs_;
    QTimer* debounce_;
    QTimer* progressTimer_;
    QBoxLayout* layout_ = nullptr;
    QWidget* side_ = nullptr;
    QComboBox* entryBox_;
    QComboBox* measureBox_;
    QComboBox* resolutionBox_;
    QLineEdit* toleranceEdit_;
    AxisControls axes_[2];
    QStackedWidget* plots_;
    QCustomPlot* curvePlot_;
    QCustomPlot* mapPlot_;
    QLabel* legendLabel_;
    QLabel* statusLabel_;
    QLabel* readoutLabel_;

    // Curve plot.
    QCPGraph* curve_ = nullptr;
    QCPGraph* curveDiverged_ = nullptr;
    QCPGraph* curveUnreached_ = nullptr;
    QCPItemStraightLine* curveTheoryHalo_ = nullptr;
    QCPItemStraightLine* curveTheory_ = nullptr;
    QCPItemText* curveTheoryLabel_ = nullptr;
    QCPItemStraightLine* curveCurrent_ = nullptr;
    // Map plot.
    QCPColorMap* map_ = nullptr;
    QCPColorMap* marks_ = nullptr; // diverged / never within tolerance, over the map
    QCPColorScale* colourScale_ = nullptr;
    QCPCurve* mapTheoryHalo_ = nullptr;
    QCPCurve* mapTheory_ = nullptr;
    QCPItemText* mapTheoryLabel_ = nullptr;
    QCPGraph* mapCurrent_ = nullptr;
};

} // namespace optviz
