#pragma once

#include "scene.h"

#include <QList>
#include <QWidget>

#include <string_view>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QVBoxLayout;

namespace optviz {

class ParameterControl;

// The surface of a scene and how its gradients are taken:
//   surface  [rosenbrock ▾]
//            f(x, y) = (a − x)² + b (y − x²)²
//   a, b …   one ParameterControl per surface parameter
//   f(x, y) = [sin(x)*cos(y) + …]   the formula of surface "expr", checked as it is typed:
//            [examples ▾]           while it does not parse, the field turns red and the
//                                   message under it names the position; the scene
//                                   changes only when it parses
//   start    x [-1.5]  y [2]  ↺
//   Stochastic gradient: noise σ, clip norm, batch size (data surfaces only), seed
// Edits a copy of the scene: setScene() fills the controls without emitting; every
// user edit emits sceneEdited(). Choosing another surface resets its parameters to
// their defaults and clears the view and the start (they follow the new surface).
class SurfacePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SurfacePanel(QWidget* parent = nullptr);
    ~SurfacePanel() override;

    void setScene(const Scene& scene);
    const Scene& scene() const { return scene_; }

    // The parts, for tests.
    QComboBox* surfaceBox() const { return surfaceBox_; }
    QLabel* definitionLabel() const { return definitionLabel_; }
    ParameterControl* parameterControl(std::string_view name) const;
    QLineEdit* startXEdit() const { return startX_; }
    QLineEdit* startYEdit() const { return startY_; }
    QToolButton* startResetButton() const { return startReset_; }
    QWidget* formulaRow() const { return formulaRow_; }
    QLineEdit* formulaEdit() const { return formulaEdit_; }
    QLabel* formulaProblemLabel() const { return formulaProblem_; }
    QComboBox* examplesBox() const { return examplesBox_; }
    ParameterControl* noiseControl() const { return noise_; }
    ParameterControl* clipControl() const { return clip_; }
    ParameterControl* batchControl() const { return batch_; }
    ParameterControl* seedControl() const { return seed_; }

signals:
    void sceneEdited(const optviz::Scene& scene);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildSurfaceControls();
    void rebuildBatchControl();
    void refreshSurfaceFacts(); // sample count and default start of the scene's surface
    void onSurfaceChosen(int index);
    void onSurfaceParameter(const std::string& name, double value);
    void commitStart(QLineEdit* edit);
    void onFormulaEdited(const QString& text);
    void showFormula();
    void showFormulaProblem(const QString& problem); // empty: none
    void showScene();
    void showStart();
    void showCoordinate(QLineEdit* edit, double value);
    void updateMetrics();

    Scene scene_;
    bool hasScene_ = false;
    int sampleCount_ = 0;
    Point2 defaultStart_;

    QComboBox* surfaceBox_ = nullptr;
    QLabel* surfaceLabel_ = nullptr;
    QLabel* definitionLabel_ = nullptr;
    QVBoxLayout* parameterLayout_ = nullptr;
    QWidget* formulaRow_ = nullptr;
    QLabel* formulaLabel_ = nullptr;
    QLineEdit* formulaEdit_ = nullptr;
    QLabel* formulaProblem_ = nullptr;
    QComboBox* examplesBox_ = nullptr;
    // The formula the field last showed from a scene (a scene that brings another one
    // replaces what is typed; one that does not leaves a half-typed formula alone), and
    // the last one that parsed (choosing "expr" again brings it back).
    std::string shownFormula_;
    std::string lastFormula_;
    QList<ParameterControl*> controls_;
    QLabel* startLabel_ = nullptr;
    QLineEdit* startX_ = nullptr;
    QLineEdit* startY_ = nullptr;
    QToolButton* startReset_ = nullptr;
    QVBoxLayout* gradientLayout_ = nullptr;
    ParameterControl* noise_ = nullptr;
    ParameterControl* clip_ = nullptr;
    ParameterControl* batch_ = nullptr;
    ParameterControl* seed_ = nullptr;
};

} // namespace optviz
