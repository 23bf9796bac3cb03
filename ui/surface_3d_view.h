#pragma once

#include "surface_3d_mesh.h"
#include "surface_3d_texture.h"

#include "run_series.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QTimer;
class QVBoxLayout;
class Q3DSurface;
class QSurface3DSeries;
class QCustom3DLabel;

namespace optviz {

struct Scene;

// The surface in 3-D with the runs' paths on it, rotatable with the mouse (drag: rotate,
// wheel: zoom), beside the 2-D figure: the same view rectangle, colour map and scale,
// the same runs as they stream in. The window feeds it as it feeds the figure
// (setLandscape on a scene or view change, setRuns on every batch); it keeps the
// latest of each and computes only while it is visible: the mesh when the landscape
// changed, the paths at most every `updateInterval` ms, so that the 2-D streaming does
// not wait for it.
//
// The Q3DSurface (an OpenGL window) is created when the view is first shown. Where
// OpenGL cannot be had (the offscreen platform of the tests, a machine without a GL
// driver) the view says so in a label and keeps its data up to date all the same.
class Surface3DView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int meshSamples = 129; // per side: a narrow valley without teeth
    static constexpr int updateInterval = 50; // ms: at most 20 path updates a second

    explicit Surface3DView(QWidget* parent = nullptr);
    ~Surface3DView() override;

    void setLandscape(const Scene& scene, const Surface& surface);
    void setRuns(const Scene& runScene, const QVector<RunSeries>& series);

    // What the view shows (as of its last update; the tests read them).
    const SurfaceMesh3D& mesh() const { return mesh_; }
    const std::vector<RunPath3D>& paths() const { return paths_; }
    const SurfaceTexture3D& texture() const { return texture_; }
    bool hasGraph() const { return graph_ != nullptr; }
    // Back to the initial viewing angle and zoom (the view's button and context menu).
    QAction* resetCameraAction() const { return resetCameraAction_; }
    void resetCamera();

    // Milliseconds the last mesh and path updates took (data, texture and graph).
    double lastMeshMilliseconds() const { return meshMs_; }
    double lastPathsMilliseconds() const { return pathsMs_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createContent();
    void scheduleUpdate();
    void update3D();
    void rebuildMesh();
    void rebuildPaths();
    void showMesh();
    void showPaths();

    // The landscape's inputs, kept so that an unchanged one costs nothing.
    std::unique_ptr<Surface> surface_;
    std::string surfaceName_, surfaceExpression_;
    ParameterValues surfaceParameters_;
    ViewRect view_;
    bool meshDirty_ = false;
    bool pathsDirty_ = false;

    QVector<RunSeries> series_;
    QList<QColor> colours_;
    QStringList labels_;

    SurfaceMesh3D mesh_;
    std::vector<RunPath3D> paths_;
    SurfaceTexture3D texture_;
    double meshMs_ = 0.0;
    double pathsMs_ = 0.0;

    QVBoxLayout* layout_;
    QTimer* updateTimer_;
    QAction* resetCameraAction_;
    QLabel* hint_;
    bool contentCreated_ = false;
    Q3DSurface* graph_ = nullptr;
    QSurface3DSeries* surfaceSeries_ = nullptr;
    QList<QCustom3DLabel*> markers_; // owned by the graph
};

} // namespace optviz
