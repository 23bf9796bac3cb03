// Explain mode and the typeset update rule, as a user drives them, offscreen: E (or the
// inspector's button) opens explain mode on the inspected run's current step, → / ← and
// Page Down / Page Up walk through the stages without stepping the runs, Esc closes it
// and gives → back to playback; the inspector's rule shows the parameters in use.

#include "core/surface.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/rule_typesetter.h"
#include "ui/simulation_controller.h"
#include "ui/stage_caption.h"
#include "ui/step_explainer.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace optviz;

namespace {

long long stepsOf(const SimulationController& controller, int run)
{
    return run < controller.series().size() ? controller.series()[run].stepsTaken() : -1;
}

// gd (lr 0.00123), Nesterov momentum, Adam: 40 steps on the default surface.
Scene testScene()
{
    Scene scene = Scene::defaultScene();
    scene.steps = 40;
    scene.optimizers[0].name = "gd";
    scene.optimizers[0].parameters["lr"] = 0.00123;
    scene.optimizers[1].name = "momentum";
    scene.optimizers[1].parameters["nesterov"] = 1.0;
    return scene;
}

} // namespace

class TestExplainMode : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensFromTheKeyAndWalksTheStages();
    void opensFromTheInspectorButton();
    void stagesComposeToTheRunsStep();
    void ruleShowsTheParametersInUse();
    void everyOptimizerIsWordedAndTypeset();

private:
    StepExplainer* explainer() const { return window_->stepExplainer(); }

    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestExplainMode::init()
{
    settings_ = std::make_unique<AppSettings>(dir_.filePath("settings.ini"));
    window_ = std::make_unique<MainWindow>(*settings_);
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->applyScene(testScene());
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->controller()->series().size() == 3 && stepsOf(*window_->controller(), 2) == 40,
        10000);
}

void TestExplainMode::cleanup()
{
    window_.reset();
    settings_.reset();
    QFile::remove(dir_.filePath("settings.ini"));
}

void TestExplainMode::opensFromTheKeyAndWalksTheStages()
{
    SimulationController* controller = window_->controller();
    QVERIFY(!explainer()->isActive());
    QTest::keyClick(window_.get(), Qt::Key_E);
    QVERIFY(explainer()->isActive());
    QVERIFY(explainer()->isVisible());
    QVERIFY(!controller->isPlaying());
    // gd's step 40: the gradient, then the move.
    QCOMPARE(explainer()->anatomy().optimizer, std::string("gd"));
    QCOMPARE(explainer()->anatomy().step, 40LL);
    QCOMPARE(explainer()->stageCount(), 2);
    QCOMPARE(explainer()->stage(), 0);
    QVERIFY(explainer()->caption().contains(StageCaption::tr("The gradient")));
    QCOMPARE(explainer()->arrows().arrowCount(), 1);

    // → moves on (and does not step the runs), ← goes back; Page Down / Up likewise.
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QCOMPARE(explainer()->stage(), 1);
    QVERIFY(explainer()->caption().contains(StageCaption::tr("The move")));
    QCOMPARE(explainer()->arrows().arrowCount(), 2); // the gradient stays, faint
    QTest::keyClick(window_.get(), Qt::Key_Right); // past the last stage: stays
    QCOMPARE(explainer()->stage(), 1);
    QTest::keyClick(window_.get(), Qt::Key_Left);
    QCOMPARE(explainer()->stage(), 0);
    QTest::keyClick(window_.get(), Qt::Key_PageDown);
    QCOMPARE(explainer()->stage(), 1);
    QTest::keyClick(window_.get(), Qt::Key_PageUp);
    QCOMPARE(explainer()->stage(), 0);
    QTest::qWait(50);
    QCOMPARE(stepsOf(*controller, 0), 40LL);

    // Esc closes; → steps the runs again.
    QTest::keyClick(window_.get(), Qt::Key_Escape);
    QVERIFY(!explainer()->isActive());
    QVERIFY(!explainer()->isVisible());
    QCOMPARE(explainer()->arrows().arrowCount(), 0);
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QTRY_VERIFY(stepsOf(*controller, 0) != 40LL);
}

void TestExplainMode::opensFromTheInspectorButton()
{
    auto* button = window_->findChild<QPushButton*>("explainStepButton");
    QVERIFY(button);
    // The inspector's run chooser is the first combo box whose items are the runs.
    QComboBox* runs = nullptr;
    for (QComboBox* box : window_->findChildren<QComboBox*>())
        if (box->count() == 3 && box->itemText(1).startsWith("momentum"))
            runs = box;
    QVERIFY(runs);
    runs->setCurrentIndex(1);
    button->click();
    QVERIFY(explainer()->isActive());
    // Nesterov momentum at step 40: gradient, decayed velocity, new velocity, look-ahead, move.
    QCOMPARE(explainer()->anatomy().optimizer, std::string("momentum"));
    QCOMPARE(explainer()->stageCount(), 5);
    QList<StageKind> kinds;
    for (const StepStage& stage : explainer()->anatomy().stages)
        kinds << stage.kind;
    QCOMPARE(kinds,
        (QList<StageKind> {StageKind::Gradient, StageKind::DecayedMomentum, StageKind::AddGradient,
            StageKind::LookAhead, StageKind::Move}));
    // The Next and Previous buttons walk the stages like the keys.
    auto* next = explainer()->findChildren<QPushButton*>().value(1);
    QVERIFY(next);
    QCOMPARE(next->text(), StepExplainer::tr("Next ▶"));
    next->click();
    next->click();
    QCOMPARE(explainer()->stage(), 2);
    QVERIFY(
        explainer()->caption().contains(StageCaption::tr("The new gradient joins the velocity")));
    QTest::keyClick(window_.get(), Qt::Key_Escape);
    QVERIFY(!explainer()->isActive());
}

void TestExplainMode::stagesComposeToTheRunsStep()
{
    // The run the worker computed and the explanation agree: the Move stage ends on the
    // run's current point, and starts on the point before.
    QTest::keyClick(window_.get(), Qt::Key_E);
    QVERIFY(explainer()->isActive());
    const RunSeries& series = window_->controller()->series()[0];
    const StepAnatomy& anatomy = explainer()->anatomy();
    QCOMPARE(anatomy.composedEnd()[0], series.x().last());
    QCOMPARE(anatomy.composedEnd()[1], series.y().last());
    QCOMPARE(anatomy.start[0], series.x()[series.size() - 2]);
    QCOMPARE(anatomy.start[1], series.y()[series.size() - 2]);
}

void TestExplainMode::ruleShowsTheParametersInUse()
{
    auto* rule = window_->findChild<QLabel*>("updateRule");
    QVERIFY(rule);
    // gd: the learning rate in use, and no momentum line.
    QVERIFY2(rule->text().contains("0.00123"), qPrintable(rule->text()));
    QVERIFY(!rule->text().contains("b<sub>t</sub>"));
    // Nesterov momentum: the look-ahead form, with its momentum.
    QComboBox* runs = nullptr;
    for (QComboBox* box : window_->findChildren<QComboBox*>())
        if (box->count() == 3 && box->itemText(1).startsWith("momentum"))
            runs = box;
    QVERIFY(runs);
    runs->setCurrentIndex(1);
    QVERIFY2(
        rule->text().contains("(g<sub>t</sub> + 0.9·b<sub>t</sub>)"), qPrintable(rule->text()));
    // Adam: β powers at the current step t = 40, and its current moments.
    runs->setCurrentIndex(2);
    QVERIFY2(rule->text().contains("0.9<sup>40</sup>"), qPrintable(rule->text()));
    QVERIFY(rule->text().contains("m&nbsp;=&nbsp;("));
}

void TestExplainMode::everyOptimizerIsWordedAndTypeset()
{
    // Every stage of every optimizer has a title and a caption with its numbers, and
    // every optimizer a typeset rule that names the learning rate in use.
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    Vector start(2);
    start << -1.5, 2.0;
    for (const std::string& name : optimizerNames()) {
        const ParameterValues overrides = {{"lr", 0.000321}};
        const StepAnatomy anatomy = anatomizeRunStep(*surface, name, overrides, {}, {}, start, 3);
        for (int stage = 0; stage < int(anatomy.stages.size()); ++stage) {
            QVERIFY2(!StageCaption::title(anatomy, stage).isEmpty(), name.c_str());
            QVERIFY2(StageCaption::text(anatomy, stage).contains(QRegularExpression("[0-9]")),
                qPrintable(
                    QString::fromStdString(name) + ": " + StageCaption::text(anatomy, stage)));
        }
        std::unique_ptr<Optimizer> optimizer = makeOptimizer(name, overrides);
        optimizer->reset(2);
        OptimizerState state;
        optimizer->inspect(state);
        const QString rule = RuleTypesetter::html(name, anatomy.parameters, state);
        QVERIFY2(rule.contains("0.000321"), qPrintable(QString::fromStdString(name) + ": " + rule));
    }
}

QTEST_MAIN(TestExplainMode)
#include "tst_explain_mode.moc"
