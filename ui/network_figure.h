#pragma once

#include "loss_plane_job.h"
#include "network_batch.h"

#include <qcustomplot.h>

#include <QHash>
#include <QPointer>
#include <QVector>

#include <memory>

namespace optviz {

class LandscapeMap;

// The network workspace's figure, one QCustomPlot so that the window, its export and
// `optviz-cli render` draw the same thing:
//
//   [ adam lr=0.01      ] [ momentum lr=0.05  ] [ gd lr=0.1         ]   one panel per run:
//   [ boundary + data   ] [ boundary + data   ] [ boundary + data   ]   the data set over what
//   [ Loss per epoch    ] [ Accuracy (%)      ] [ Loss on a plane   ]   the run predicts
//
// Decision panels: two classes as P(class 1) on a diverging blue–white–vermillion map with
// the 0.5 line; k classes as the predicted class's colour, paler where the network is
// less sure; samples as Okabe–Ito colours with a shape per class (training filled, test
// hollow). Regression: the samples and the model's curve. Curves: loss and accuracy per
// run against the epoch, training solid and test dashed. The plane: the loss as a viridis
// heat map with contours, the runs' paths projected onto it, a caption with the variance
// the plane explains and how far the paths leave it; hovering a path tells the epoch.
//
// The figure draws what it is given and owns no training state.
class NetworkFigure : public QCustomPlot
{
    Q_OBJECT

public:
    explicit NetworkFigure(QWidget* parent = nullptr);
    ~NetworkFigure() override;

    // The samples and the runs (names, colours): rebuilds every panel. Null data shows
    // `message` instead (why there is nothing to train). Does not replot.
    void setData(std::shared_ptr<const NetworkData> samples, const QVector<NetworkRunView>& runs,
        const QString& message = {});
    // New epochs, boundaries, statuses or colours of the same runs: appends what is new.
    // Does not replot.
    void updateRuns(const QVector<NetworkRunView>& runs);
    // The loss plane; null clears it. Does not replot.
    void setPlane(std::shared_ptr<const PlaneSnapshot> plane);
    // Larger type and thicker lines for a projector (presentation mode).
    void setPresentationStyle(bool on);
    bool presentationStyle() const { return presenting_; }
    // PNG, SVG or PDF at the figure's size (plot_export.h).
    bool exportTo(const QString& path, double scale, QString* error);

    // The parts, for tests.
    int decisionPanelCount() const { return int(panels_.size()); }
    QCPColorMap* decisionMap(int run) const;
    QCPGraph* modelCurve(int run) const;
    QCPAxisRect* lossRect() const { return lossRect_; }
    QCPAxisRect* accuracyRect() const { return accuracyRect_; }
    QCPAxisRect* planeRect() const { return planeRect_; }
    QCPGraph* trainLossGraph(int run) const;
    QCPGraph* testAccuracyGraph(int run) const;
    QCPCurve* planePath(int run) const;
    QCPColorMap* planeMap() const;
    QString planeTitle() const;
    QString planeCaption() const;
    QString panelTitle(int run) const;
    // What the tooltip says at a pixel of the plane panel (empty away from the paths).
    QString planeToolTip(const QPointF& pixel) const;

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Style
    {
        double scale = 1.0;
        int tickFont = 14;
        int labelFont = 15;
        int titleFont = 16;
        double lineWidth = 2.5;
        double markerSize = 8.0;
    };
    struct Panel
    {
        QCPAxisRect* rect = nullptr;
        QCPTextElement* title = nullptr;
        QCPTextElement* status = nullptr;
        LandscapeMap* map = nullptr;
        QCPGraph* curve = nullptr; // regression: the model
        const ModelPicture* picture = nullptr; // the one shown
    };
    struct Curves
    {
        QCPGraph* trainLoss = nullptr;
        QCPGraph* testLoss = nullptr;
        QCPGraph* trainAccuracy = nullptr;
        QCPGraph* testAccuracy = nullptr;
        int drawn = 0; // history rows already in the graphs
    };
    struct PathPlot
    {
        QCPCurve* halo = nullptr;
        QCPCurve* path = nullptr;
        QCPCurve* end = nullptr;
    };

    void rebuild();
    void adaptRows();
    double decisionRowHeight() const;
    bool wantsStackedCurves() const;
    QCPTextElement* makeText(const QString& text, const QFont& textFont, const QColor& colour);
    void setElidedText(QCPTextElement* element, const QString& text);
    QString elided(const QCPTextElement* element, const QString& text) const;
    void elideTexts();
    // QCustomPlot makes an axis's ticks before it lays the axis out: when a layout gave
    // the axes other sizes (a new font, a resize), the ticks were spaced for the old ones,
    // so the figure is drawn once more.
    void retickIfResized();
    QList<QRect> laidOutRects_;
    void clearAll();
    Panel makeDecisionPanel(
        QCPLayoutGrid* grid, int row, int column, const QString& title, const QColor& colour);
    void addSamples(QCPAxisRect* rect);
    void addLineKey(QCPAxisRect* rect, bool top);
    QCPAxisRect* makeRect(QCPLayoutGrid* grid, int row, int column, const QString& title,
        QCPTextElement** titleElement);
    void styleAxes(QCPAxisRect* rect, const QString& xLabel, const QString& yLabel);
    void showPicture(Panel& panel, const ModelPicture& picture);
    void updateStatus(int run);
    void updateCurveRanges();
    void buildPlane();
    QFont font(int pixels, bool bold = false) const;

    std::shared_ptr<const NetworkData> data_;
    QVector<NetworkRunView> runs_;
    std::shared_ptr<const PlaneSnapshot> plane_;
    QString message_;
    bool presenting_ = false;
    Style style_;

    std::vector<Panel> panels_;
    std::vector<Curves> curves_;
    std::vector<PathPlot> paths_;
    QCPAxisRect* lossRect_ = nullptr;
    QCPAxisRect* accuracyRect_ = nullptr;
    QCPAxisRect* planeRect_ = nullptr;
    QCPTextElement* planeTitle_ = nullptr;
    QCPTextElement* planeCaption_ = nullptr;
    QCPColorScale* planeScale_ = nullptr;
    LandscapeMap* planeMap_ = nullptr;
    QCPGraph* planeStart_ = nullptr;
    QPointer<QCPItemText> planeMessage_;
    QHash<QCPTextElement*, QString> texts_; // every text element's whole text
    bool logLoss_ = false;
    int topRows_ = 1; // the decision panels' grid
    int topColumns_ = 1;
    bool stackedCurves_ = false; // loss above accuracy, beside the plane
};

} // namespace optviz
