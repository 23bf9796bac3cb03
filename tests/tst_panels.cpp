// The control panels through real input events: sliders, typed entries, buttons.

#include "core/optimizer.h"
#include "ui/eliding_label.h"
#include "ui/optimizer_card.h"
#include "ui/optimizer_panel.h"
#include "ui/parameter_control.h"
#include "ui/playback_bar.h"
#include "ui/surface_panel.h"
#include "user_input.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <cmath>

using namespace optviz;

using namespace optviz::testing;

namespace {

const ParameterSpec& optimizerSpec(const char* optimizer, const char* parameter)
{
    const ParameterSpec* spec = findParameter(findOptimizer(optimizer)->parameters, parameter);
    Q_ASSERT(spec);
    return *spec;
}

Scene lastScene(const QSignalSpy& spy)
{
    return spy.last().at(0).value<Scene>();
}

int indexOfAdam(const Scene& scene)
{
    for (int i = 0; i < scene.optimizers.size(); ++i)
        if (scene.optimizers[i].name == "adam")
            return i;
    return -1;
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private slots:
    void sliderMappingRoundTrips_data();
    void sliderMappingRoundTrips();
    void sliderTravelEndpoints();
    void typedLearningRateIsApplied();
    void rejectedTextIsNotApplied_data();
    void rejectedTextIsNotApplied();
    void escapeRestoresRejectedText();
    void draggingEmitsContinuously();
    void resetRestoresDefault();
    void narrowRowsPutTheSliderBelow();
    void wheelNeedsFocus();
    void integerAndBooleanControls();
    void changingNameResetsParameters();
    void inconsistentEditIsNotEmitted();
    void advancedFoldIsCollapsedByDefault();
    void duplicateAddsAnotherColour();
    void removeRemoves();
    void addStopsAtTheLimit();
    void sameShapeKeepsCards();
    void runStatusIsShown();
    void batchSizeOnlyOnDataSurfaces();
    void changingSurfaceClearsViewAndStart();
    void surfaceParameterAndStartEntries();
    void gradientSettings();
    void playbackSignals();
    void playbackBudgetAndMode();
};

void TestPanels::sliderMappingRoundTrips_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("adam lr (log)") << "adam"
                                   << "lr";
    QTest::newRow("adam eps (log, 0 allowed)") << "adam"
                                               << "eps";
    QTest::newRow("newton lr (log)") << "newton"
                                     << "lr";
    QTest::newRow("nadam momentum_decay (log)") << "nadam"
                                                << "momentum_decay";
    QTest::newRow("adam beta1 (linear, [0, 1))") << "adam"
                                                 << "beta1";
    QTest::newRow("sgd weight_decay (linear, wide)") << "sgd"
                                                     << "weight_decay";
    QTest::newRow("rprop etaplus (linear, (1, 100])") << "rprop"
                                                      << "etaplus";
}

void TestPanels::sliderMappingRoundTrips()
{
    QFETCH(QString, optimizer);
    QFETCH(QString, parameter);
    const ParameterSpec& spec
        = optimizerSpec(optimizer.toUtf8().constData(), parameter.toUtf8().constData());
    ParameterControl control(spec);
    QSlider* slider = control.slider();
    QVERIFY(slider);
    const bool log = spec.scale == Scale::Log;

    // Every position gives an accepted value that maps back to the same position.
    for (int position = slider->minimum(); position <= slider->maximum(); ++position) {
        const double value = control.sliderValue(position);
        QVERIFY2(spec.accepts(value), qPrintable(QString::number(value)));
        QCOMPARE(control.sliderPosition(value), position);
    }
    // Any value in the travel comes back within one slider step.
    const double low = control.sliderLow();
    const double high = control.sliderHigh();
    const int steps = slider->maximum() - slider->minimum();
    for (int i = 0; i <= 997; ++i) {
        const double t = i / 997.0;
        double value = log ? low * std::pow(high / low, t) : low + t * (high - low);
        if (!spec.accepts(value))
            continue; // an excluded end
        const double back = control.sliderValue(control.sliderPosition(value));
        if (log) {
            const double stepRatio = std::pow(high / low, 1.0 / (steps - 1));
            QVERIFY2(std::abs(std::log(back / value)) <= std::log(stepRatio) * 1.0001,
                qPrintable(QString("%1 -> %2").arg(value).arg(back)));
        } else {
            QVERIFY2(std::abs(back - value) <= (high - low) / steps * 1.0001,
                qPrintable(QString("%1 -> %2").arg(value).arg(back)));
        }
    }
    // The default sits where the slider shows it.
    const double shown = control.sliderValue(slider->value());
    QCOMPARE(slider->value(), control.sliderPosition(spec.defaultValue));
    QVERIFY(std::isfinite(shown));
}

void TestPanels::sliderTravelEndpoints()
{
    // lr: the brief's travel, exactly at both ends.
    ParameterControl lr(optimizerSpec("adam", "lr"));
    QCOMPARE(lr.sliderValue(lr.slider()->minimum()), 1e-6);
    QCOMPARE(lr.sliderValue(lr.slider()->maximum()), 10.0);
    QCOMPARE(lr.entry()->text(), QString("0.001"));

    // eps accepts 0: the far left is exactly 0, then 1e-12 … 1.
    ParameterControl eps(optimizerSpec("adam", "eps"));
    QCOMPARE(eps.sliderValue(0), 0.0);
    QCOMPARE(eps.sliderValue(1), 1e-12);
    QCOMPARE(eps.sliderValue(eps.slider()->maximum()), 1.0);

    // beta1 in [0, 1): the last position is the largest accepted round value.
    ParameterControl beta1(optimizerSpec("adam", "beta1"));
    QCOMPARE(beta1.sliderValue(beta1.slider()->minimum()), 0.0);
    QCOMPARE(beta1.sliderValue(beta1.slider()->maximum()), 0.999);

    // weight_decay accepts [0, 100] but the slider travels [0, 1]; the entry takes 50.
    ParameterControl decay(optimizerSpec("sgd", "weight_decay"));
    QCOMPARE(decay.sliderValue(decay.slider()->maximum()), 1.0);
    QSignalSpy spy(&decay, &ParameterControl::valueChanged);
    typeInto(decay.entry(), "50");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(decay.value(), 50.0);
    QCOMPARE(decay.slider()->value(), decay.slider()->maximum());

    // A data set's noise of 0.5 in [0, 100] travels [0, 5]; rprop's etaplus 1.2 in
    // (1, 100] travels (1, 3].
    ParameterControl noise(*findParameter(findSurface("linreg")->parameters, "noise"));
    QCOMPARE(noise.sliderHigh(), 5.0);
    ParameterControl etaplus(optimizerSpec("rprop", "etaplus"));
    QCOMPARE(etaplus.sliderHigh(), 3.0);
    QCOMPARE(etaplus.sliderValue(etaplus.slider()->minimum()), 1.001);

    // An lr beyond the travel is typeable too.
    QSignalSpy lrSpy(&lr, &ParameterControl::valueChanged);
    typeInto(lr.entry(), "100");
    QCOMPARE(lr.value(), 100.0);
    QCOMPARE(lrSpy.count(), 1);
}

void TestPanels::typedLearningRateIsApplied()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    const int adam = indexOfAdam(panel.scene());
    QVERIFY(adam >= 0);
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    ParameterControl* lr = panel.card(adam)->parameterControl("lr");
    typeInto(lr->entry(), "0.05");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lastScene(spy).optimizers[adam].parameters.at("lr"), 0.05);
    QCOMPARE(panel.scene().optimizers[adam].parameters.at("lr"), 0.05);
    QVERIFY(lr->isEntryValid());
    // Other notations are read exactly and shown in their shortest form.
    typeInto(lr->entry(), "2e-3");
    QCOMPARE(spy.count(), 2);
    QCOMPARE(lastScene(spy).optimizers[adam].parameters.at("lr"), 0.002);
    QCOMPARE(lr->entry()->text(), QString("0.002"));
}

void TestPanels::rejectedTextIsNotApplied_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("letters") << "abc";
    QTest::newRow("negative") << "-1";
    QTest::newRow("nan") << "nan";
    QTest::newRow("inf") << "inf";
    QTest::newRow("zero (lr > 0)") << "0";
    QTest::newRow("above the range") << "1001";
    QTest::newRow("empty") << "";
}

void TestPanels::rejectedTextIsNotApplied()
{
    QFETCH(QString, text);
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    const int adam = indexOfAdam(panel.scene());
    const Scene before = panel.scene();
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    ParameterControl* lr = panel.card(adam)->parameterControl("lr");
    typeInto(lr->entry(), text);
    QCOMPARE(spy.count(), 0);
    QVERIFY(panel.scene() == before);
    QVERIFY(!lr->isEntryValid());
    QVERIFY(lr->entry()->property("invalid").toBool());
    QVERIFY(lr->entry()->toolTip().contains("Not applied"));
    QCOMPARE(lr->entry()->palette().color(QPalette::Text), QColor(0xB0, 0x00, 0x20));
    QCOMPARE(lr->value(), before.optimizers[adam].parameters.at("lr"));
    // Moving focus away does not apply it either.
    lr->entry()->clearFocus();
    QCOMPARE(spy.count(), 0);
    // Good text turns the field normal again and applies.
    typeInto(lr->entry(), "0.5");
    QVERIFY(lr->isEntryValid());
    QVERIFY(!lr->entry()->property("invalid").toBool());
    QCOMPARE(spy.count(), 1);
}

void TestPanels::escapeRestoresRejectedText()
{
    ParameterControl lr(optimizerSpec("adam", "lr"));
    lr.setValue(0.02);
    typeInto(lr.entry(), "abc");
    QVERIFY(!lr.isEntryValid());
    QTest::keyClick(lr.entry(), Qt::Key_Escape);
    QVERIFY(lr.isEntryValid());
    QCOMPARE(lr.entry()->text(), QString("0.02"));
}

void TestPanels::draggingEmitsContinuously()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    const int adam = indexOfAdam(panel.scene());
    ParameterControl* lr = panel.card(adam)->parameterControl("lr");
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    QSlider* slider = lr->slider();
    const int from = slider->value();
    // A drag is a run of valueChanged(int) while the slider is down.
    slider->setSliderDown(true);
    for (int i = 1; i <= 10; ++i) {
        slider->setValue(from + 5 * i);
        QCOMPARE(spy.count(), i);
        const double value = lastScene(spy).optimizers[adam].parameters.at("lr");
        QCOMPARE(value, lr->sliderValue(from + 5 * i));
        QCOMPARE(lr->entry()->text(), QString::fromStdString(formatNumber(value)));
    }
    slider->setSliderDown(false);
    // The window hands every edited scene back; the slider must not jump.
    panel.setScene(lastScene(spy));
    QCOMPARE(slider->value(), from + 50);
    // Keyboard: one emission per press.
    slider->setFocus();
    const int count = spy.count();
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(spy.count(), count + 4);
    QCOMPARE(slider->value(), from + 46);
}

void TestPanels::resetRestoresDefault()
{
    ParameterControl lr(optimizerSpec("adam", "lr"));
    QVERIFY(!lr.resetButton()->isEnabled()); // at the default
    QSignalSpy spy(&lr, &ParameterControl::valueChanged);
    lr.slider()->setValue(lr.slider()->value() + 100);
    QCOMPARE(spy.count(), 1);
    QVERIFY(lr.value() != 0.001);
    QVERIFY(lr.resetButton()->isEnabled());
    QTest::mouseClick(lr.resetButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toDouble(), 0.001);
    QCOMPARE(lr.value(), 0.001);
    QCOMPARE(lr.entry()->text(), QString("0.001"));
    QCOMPARE(lr.slider()->value(), lr.sliderPosition(0.001));
    QVERIFY(!lr.resetButton()->isEnabled());

    // setValue never emits.
    lr.setValue(0.3);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(lr.entry()->text(), QString("0.3"));
}

void TestPanels::narrowRowsPutTheSliderBelow()
{
    // A projector font in a narrow dock: the slider takes a line of its own.
    ParameterControl lr(optimizerSpec("adam", "lr"));
    lr.resize(600, lr.sizeHint().height());
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    QTRY_COMPARE(lr.slider()->geometry().center().y(), lr.entry()->geometry().center().y());
    QVERIFY(lr.slider()->width() > 100);
    lr.resize(lr.label()->width() + lr.entry()->width() + 60, 80);
    QTRY_VERIFY(lr.slider()->geometry().top() >= lr.entry()->geometry().bottom());
    QVERIFY(lr.slider()->width() > lr.entry()->width());
    lr.resize(600, 80);
    QTRY_COMPARE(lr.slider()->geometry().center().y(), lr.entry()->geometry().center().y());
}

void TestPanels::wheelNeedsFocus()
{
    // Scrolling the panel over a slider must not change a learning rate.
    ParameterControl lr(optimizerSpec("adam", "lr"));
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    QSignalSpy spy(&lr, &ParameterControl::valueChanged);
    const QPointF centre = QRectF(lr.slider()->rect()).center();
    auto wheel = [&] {
        QWheelEvent event(centre, lr.slider()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(lr.slider(), &event);
    };
    lr.entry()->setFocus();
    wheel();
    QCOMPARE(spy.count(), 0);
    lr.slider()->setFocus();
    QTRY_VERIFY(lr.slider()->hasFocus());
    wheel();
    QCOMPARE(spy.count(), 1);
}

void TestPanels::integerAndBooleanControls()
{
    ParameterControl history(optimizerSpec("lbfgs", "history_size"));
    QVERIFY(history.spinBox());
    QVERIFY(!history.slider());
    auto* box = qobject_cast<QSpinBox*>(history.spinBox());
    QVERIFY(box);
    QCOMPARE(box->minimum(), 1);
    QCOMPARE(box->maximum(), 1000);
    QSignalSpy spy(&history, &ParameterControl::valueChanged);
    box->setValue(25);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(history.value(), 25.0);

    ParameterControl nesterov(optimizerSpec("sgd", "nesterov"));
    nesterov.show();
    QVERIFY(nesterov.checkBox());
    QSignalSpy flagSpy(&nesterov, &ParameterControl::valueChanged);
    QTest::mouseClick(nesterov.checkBox(), Qt::LeftButton);
    QCOMPARE(flagSpy.count(), 1);
    QCOMPARE(nesterov.value(), 1.0);

    // Every control explains itself: the meaning, the range, the default.
    const QString tip = history.label()->toolTip();
    QVERIFY(tip.contains("history_size"));
    QVERIFY(tip.contains("integer in [1, 1000]"));
    QVERIFY(tip.contains("default: 10"));
}

void TestPanels::changingNameResetsParameters()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    const int adam = indexOfAdam(panel.scene());
    const QColor colour = panel.scene().optimizers[adam].colour;
    QVERIFY(panel.scene().optimizers[adam].parameters.at("lr") != 0.001);
    OptimizerCard* card = panel.card(adam);
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    QComboBox* names = card->nameBox();
    emit names->activated(names->findText("rmsprop")); // as a choice in the popup
    QCOMPARE(spy.count(), 1);
    const OptimizerEntry entry = lastScene(spy).optimizers[adam];
    QCOMPARE(entry.name, std::string("rmsprop"));
    QVERIFY(entry.parameters == resolveParameters(findOptimizer("rmsprop")->parameters, {}, ""));
    QCOMPARE(entry.colour, colour);
    QVERIFY(card->parameterControl("alpha"));
    QVERIFY(!card->parameterControl("beta1"));
    // The window hands the scene back: the card stays.
    panel.setScene(lastScene(spy));
    QCOMPARE(panel.card(adam), card);
}

void TestPanels::inconsistentEditIsNotEmitted()
{
    Scene scene = Scene::defaultScene();
    scene.optimizers = {scene.makeEntry("gd")};
    OptimizerPanel panel;
    panel.setScene(scene);
    panel.show();
    OptimizerCard* card = panel.card(0);
    card->setAdvancedExpanded(true);
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    // Nesterov needs momentum: shown, explained, not emitted.
    QTest::mouseClick(card->parameterControl("nesterov")->checkBox(), Qt::LeftButton);
    QCOMPARE(spy.count(), 0);
    QVERIFY(card->statusLabel()->isVisible());
    QVERIFY(card->statusLabel()->text().contains("momentum"));
    // Giving it momentum makes it consistent: emitted with both.
    QSlider* momentum = card->parameterControl("momentum")->slider();
    momentum->setValue(card->parameterControl("momentum")->sliderPosition(0.9));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lastScene(spy).optimizers[0].parameters.at("nesterov"), 1.0);
    QCOMPARE(lastScene(spy).optimizers[0].parameters.at("momentum"), 0.9);
    QVERIFY(!card->statusLabel()->isVisible());
}

void TestPanels::advancedFoldIsCollapsedByDefault()
{
    OptimizerCard card(Scene().makeEntry("adam"));
    card.show();
    QVERIFY(card.parameterControl("lr")->isVisible());
    QVERIFY(card.parameterControl("beta2")->isVisible());
    QVERIFY(!card.parameterControl("eps")->isVisible());
    QVERIFY(!card.parameterControl("amsgrad")->isVisible());
    QVERIFY(card.advancedButton()->isVisible());
    QTest::mouseClick(card.advancedButton(), Qt::LeftButton);
    QVERIFY(card.isAdvancedExpanded());
    QVERIFY(card.parameterControl("eps")->isVisible());
    // A changed advanced value is announced on the fold.
    QTest::mouseClick(card.advancedButton(), Qt::LeftButton);
    OptimizerEntry entry = card.entry();
    entry.parameters["eps"] = 0.1;
    card.setEntry(entry);
    QVERIFY(card.advancedButton()->text().contains("1 changed"));
    // Newton has only lr: no fold at all.
    OptimizerCard newton(Scene().makeEntry("newton"));
    newton.show();
    QVERIFY(!newton.advancedButton()->isVisible());
}

void TestPanels::duplicateAddsAnotherColour()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    const int adam = indexOfAdam(panel.scene());
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    QTest::mouseClick(panel.card(adam)->duplicateButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const Scene scene = lastScene(spy);
    QCOMPARE(scene.optimizers.size(), 4);
    QCOMPARE(panel.cardCount(), 4);
    const OptimizerEntry& original = scene.optimizers[adam];
    const OptimizerEntry& copy = scene.optimizers[adam + 1];
    QCOMPARE(copy.name, original.name);
    QVERIFY(copy.parameters == original.parameters);
    for (int i = 0; i < scene.optimizers.size(); ++i)
        if (i != adam + 1)
            QVERIFY(scene.optimizers[i].colour != copy.colour);
}

void TestPanels::removeRemoves()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    QTest::mouseClick(panel.card(0)->removeButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const Scene scene = lastScene(spy);
    QCOMPARE(scene.optimizers.size(), 2);
    QCOMPARE(scene.optimizers[0].name, std::string("momentum"));
    QCOMPARE(scene.optimizers[1].name, std::string("adam"));
    QCOMPARE(panel.cardCount(), 2);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the old cards go
    QCOMPARE(panel.card(0)->entry().name, std::string("momentum"));
}

void TestPanels::addStopsAtTheLimit()
{
    OptimizerPanel panel;
    Scene scene = Scene::defaultScene();
    scene.optimizers.clear();
    panel.setScene(scene);
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);
    panel.addOptimizer("adam");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lastScene(spy).optimizers[0].colour, scene.makeEntry("adam").colour);
    while (panel.cardCount() < Scene::maxOptimizers)
        panel.addOptimizer("sgd");
    QVERIFY(!panel.addButton()->isEnabled());
    QVERIFY(!panel.card(0)->duplicateButton()->isEnabled());
    const int count = int(spy.count());
    panel.addOptimizer("sgd");
    panel.duplicateOptimizer(0);
    QCOMPARE(spy.count(), count);
    QCOMPARE(panel.cardCount(), Scene::maxOptimizers);
}

void TestPanels::sameShapeKeepsCards()
{
    OptimizerPanel panel;
    Scene scene = Scene::defaultScene();
    panel.setScene(scene);
    const int adam = indexOfAdam(scene);
    QList<OptimizerCard*> cards;
    for (int i = 0; i < panel.cardCount(); ++i)
        cards << panel.card(i);
    ParameterControl* lr = panel.card(adam)->parameterControl("lr");
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);

    scene.optimizers[adam].parameters["lr"] = 0.3;
    scene.optimizers[0].enabled = false;
    scene.optimizers[1].colour = QColor("#123456");
    panel.setScene(scene);
    for (int i = 0; i < panel.cardCount(); ++i)
        QCOMPARE(panel.card(i), cards[i]);
    QCOMPARE(panel.card(adam)->parameterControl("lr"), lr);
    QCOMPARE(lr->entry()->text(), QString("0.3"));
    QCOMPARE(lr->slider()->value(), lr->sliderPosition(0.3));
    QVERIFY(!panel.card(0)->enabledBox()->isChecked());
    QCOMPARE(panel.card(1)->entry().colour, QColor("#123456"));
    QCOMPARE(spy.count(), 0); // setScene never emits

    scene.optimizers[1] = scene.makeEntry("rprop");
    panel.setScene(scene);
    QVERIFY(panel.card(1) != cards[1]);
    QCOMPARE(spy.count(), 0);
}

void TestPanels::runStatusIsShown()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    panel.setRunStatus(1, "diverged at step 12");
    ElidingLabel* status = panel.card(1)->statusLabel();
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains("diverged at step 12"));
    QVERIFY(!panel.card(0)->statusLabel()->isVisible());
    panel.setRunStatus(1, QString());
    QVERIFY(!status->isVisible());
    panel.setRunStatus(7, "ignored"); // no such optimizer: no crash
}

void TestPanels::batchSizeOnlyOnDataSurfaces()
{
    SurfacePanel panel;
    panel.setScene(Scene::defaultScene()); // rosenbrock
    QVERIFY(panel.batchControl());
    QVERIFY(!panel.batchControl()->isEnabled());

    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);
    emit panel.surfaceBox()->activated(panel.surfaceBox()->findData("linreg"));
    QCOMPARE(spy.count(), 1);
    QVERIFY(panel.batchControl()->isEnabled());
    auto* box = qobject_cast<QSpinBox*>(panel.batchControl()->spinBox());
    QVERIFY(box);
    QCOMPARE(box->maximum(), 50); // the data set's samples
    QCOMPARE(box->text(), QString("full batch"));
    box->setValue(10);
    QCOMPARE(lastScene(spy).gradient.batchSize, 10);

    // Fewer samples than the batch: the batch shrinks with them, so the scene stays valid.
    panel.parameterControl("samples")->spinBox()->setFocus();
    qobject_cast<QSpinBox*>(panel.parameterControl("samples")->spinBox())->setValue(5);
    QCOMPARE(lastScene(spy).surfaceParameters.at("samples"), 5.0);
    QCOMPARE(lastScene(spy).gradient.batchSize, 5);
    QCOMPARE(qobject_cast<QSpinBox*>(panel.batchControl()->spinBox())->maximum(), 5);

    // Back to a surface without samples: disabled, and full batch again.
    emit panel.surfaceBox()->activated(panel.surfaceBox()->findData("rosenbrock"));
    QVERIFY(!panel.batchControl()->isEnabled());
    QCOMPARE(lastScene(spy).gradient.batchSize, 0);
}

void TestPanels::changingSurfaceClearsViewAndStart()
{
    SurfacePanel panel;
    Scene scene = Scene::defaultScene();
    scene.view = ViewRect {-1, 1, -1, 1};
    scene.start = Point2 {0.25, 0.5};
    scene.surfaceParameters["b"] = 10;
    panel.setScene(scene);
    QCOMPARE(panel.startXEdit()->text(), QString("0.25"));
    QVERIFY(panel.startResetButton()->isEnabled());

    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);
    emit panel.surfaceBox()->activated(panel.surfaceBox()->findData("quadratic"));
    QCOMPARE(spy.count(), 1);
    const Scene edited = lastScene(spy);
    QCOMPARE(edited.surface, std::string("quadratic"));
    QVERIFY(!edited.view);
    QVERIFY(!edited.start);
    QVERIFY(edited.surfaceParameters
        == resolveParameters(findSurface("quadratic")->parameters, {}, ""));
    QVERIFY(edited.optimizers == scene.optimizers);
    // The start fields show the new surface's default start.
    QCOMPARE(panel.startXEdit()->text(), QString("-2.5"));
    QCOMPARE(panel.startYEdit()->text(), QString("1"));
    QVERIFY(!panel.startResetButton()->isEnabled());
    QVERIFY(panel.parameterControl("angle"));
    QVERIFY(!panel.parameterControl("b") || panel.parameterControl("b")->spec().maximum == 10000);
    QVERIFY(panel.definitionLabel()->text().contains("rotated"));
}

void TestPanels::surfaceParameterAndStartEntries()
{
    SurfacePanel panel;
    panel.setScene(Scene::defaultScene());
    panel.show();
    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);

    ParameterControl* b = panel.parameterControl("b");
    QVERIFY(b);
    QCOMPARE(b->sliderLow(), 1.0); // 100 / 100 … 100 · 100
    QCOMPARE(b->sliderHigh(), 10000.0);
    typeInto(b->entry(), "20");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lastScene(spy).surfaceParameters.at("b"), 20.0);

    typeInto(panel.startXEdit(), "0.5");
    QCOMPARE(spy.count(), 2);
    QVERIFY(lastScene(spy).start == (Point2 {0.5, 2.0}));
    for (const QString bad : {"abc", "nan", "1e7", ""}) {
        typeInto(panel.startYEdit(), bad);
        QCOMPARE(spy.count(), 2);
        QVERIFY(panel.startYEdit()->property("invalid").toBool());
    }
    QTest::keyClick(panel.startYEdit(), Qt::Key_Escape);
    QCOMPARE(panel.startYEdit()->text(), QString("2"));
    QVERIFY(!panel.startYEdit()->property("invalid").toBool());

    QTest::mouseClick(panel.startResetButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 3);
    QVERIFY(!lastScene(spy).start);
    QCOMPARE(panel.startXEdit()->text(), QString("-1.5"));
}

void TestPanels::gradientSettings()
{
    SurfacePanel panel;
    panel.setScene(Scene::defaultScene());
    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);
    ParameterControl* noise = panel.noiseControl();
    QCOMPARE(noise->sliderValue(0), 0.0); // far left: off
    QCOMPARE(noise->sliderValue(1), 1e-3);
    QCOMPARE(noise->sliderValue(noise->slider()->maximum()), 1e3);
    noise->slider()->setValue(noise->sliderPosition(0.5));
    QCOMPARE(spy.count(), 1);
    // The grid's value, to 4 digits: 1000 positions over 10⁻³ … 10³, so position 451
    // is 10^(−3 + 6·450/1000) = 0.501187…
    QCOMPARE(lastScene(spy).gradient.noise, 0.5012);
    noise->slider()->setValue(0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(lastScene(spy).gradient.noise, 0.0);
    QCOMPARE(noise->entry()->text(), QString("0"));
    typeInto(panel.clipControl()->entry(), "5");
    QCOMPARE(lastScene(spy).gradient.clipNorm, 5.0);
    typeInto(panel.clipControl()->entry(), "-5");
    QCOMPARE(spy.count(), 3);
    panel.seedControl()->spinBox()->setFocus();
    QTest::keyClick(panel.seedControl()->spinBox(), Qt::Key_Up);
    QCOMPARE(spy.count(), 4);
    QCOMPARE(lastScene(spy).gradient.seed, std::uint64_t(2));
    // The scene's seed may reach 2⁵³; the field holds it exactly.
    Scene big = lastScene(spy);
    big.gradient.seed = 9007199254740992ULL;
    panel.setScene(big);
    QCOMPARE(panel.seedControl()->value(), 9007199254740992.0);
    QCOMPARE(spy.count(), 4);
}

void TestPanels::playbackSignals()
{
    PlaybackBar bar;
    bar.show();
    QSignalSpy play(&bar, &PlaybackBar::playToggled);
    QSignalSpy step(&bar, &PlaybackBar::stepRequested);
    QSignalSpy reset(&bar, &PlaybackBar::resetRequested);
    QSignalSpy speed(&bar, &PlaybackBar::speedChanged);

    QCOMPARE(bar.playButton()->text(), QString("Play"));
    QTest::mouseClick(bar.playButton(), Qt::LeftButton);
    QCOMPARE(play.count(), 1);
    QCOMPARE(play.last().at(0).toBool(), true);
    QCOMPARE(bar.playButton()->text(), QString("Pause"));
    bar.setPlaying(false); // the worker paused at the budget: no echo
    QCOMPARE(play.count(), 1);
    QCOMPARE(bar.playButton()->text(), QString("Play"));
    QVERIFY(!bar.playButton()->isChecked());

    QTest::mouseClick(bar.stepButton(), Qt::LeftButton);
    QCOMPARE(step.count(), 1);
    QTest::mouseClick(bar.resetButton(), Qt::LeftButton);
    QCOMPARE(reset.count(), 1);

    // Speed: a log scale of round values, then "max" (0 = as fast as possible).
    QCOMPARE(PlaybackBar::speedValue(0), 1.0);
    QCOMPARE(PlaybackBar::speedValue(PlaybackBar::maxSpeedPosition() - 1), 100000.0);
    QCOMPARE(PlaybackBar::speedValue(PlaybackBar::maxSpeedPosition()), 0.0);
    for (int position = 0; position <= PlaybackBar::maxSpeedPosition(); ++position)
        QCOMPARE(PlaybackBar::speedPosition(PlaybackBar::speedValue(position)), position);
    bar.speedSlider()->setValue(PlaybackBar::maxSpeedPosition());
    QCOMPARE(speed.count(), 1);
    QCOMPARE(speed.last().at(0).toDouble(), 0.0);
    QCOMPARE(bar.speedLabel()->text(), QString("max speed"));
    bar.speedSlider()->setValue(PlaybackBar::speedPosition(500));
    QCOMPARE(speed.last().at(0).toDouble(), 500.0);
    QCOMPARE(bar.speedLabel()->text(), QString("500 steps/s"));
    bar.setSpeed(60); // shown, not emitted
    QCOMPARE(speed.count(), 2);
    QCOMPARE(bar.speed(), 60.0);
    QCOMPARE(bar.speedLabel()->text(), QString("60 steps/s"));
}

void TestPanels::playbackBudgetAndMode()
{
    PlaybackBar bar;
    bar.show();
    Scene scene = Scene::defaultScene();
    scene.steps = 2000;
    QSignalSpy budget(&bar, &PlaybackBar::budgetChanged);
    QSignalSpy edited(&bar, &PlaybackBar::sceneEdited);
    QSignalSpy mode(&bar, &PlaybackBar::modeChanged);
    bar.setScene(scene);
    QCOMPARE(bar.budgetBox()->value(), 2000);
    QCOMPARE(budget.count(), 0);
    QCOMPARE(bar.budgetBox()->maximum(), int(Scene::maxSteps));

    bar.budgetBox()->setFocus();
    bar.budgetBox()->selectAll();
    QTest::keyClicks(bar.budgetBox(), "5000");
    QCOMPARE(budget.count(), 0); // not while typing
    QTest::keyClick(bar.budgetBox(), Qt::Key_Return);
    QCOMPARE(budget.count(), 1);
    QCOMPARE(budget.last().at(0).toLongLong(), 5000LL);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(lastScene(edited).steps, 5000LL);
    QVERIFY(lastScene(edited).optimizers == scene.optimizers);

    QCOMPARE(bar.mode(), PlaybackMode::Animate);
    QTest::mouseClick(bar.instantButton(), Qt::LeftButton);
    QCOMPARE(mode.count(), 1);
    QCOMPARE(mode.last().at(0).value<PlaybackMode>(), PlaybackMode::Instant);
    QVERIFY(bar.playButton()->isEnabled()); // Play starts the animated race from step 0
    QTest::mouseClick(bar.instantButton(), Qt::LeftButton);
    QCOMPARE(mode.count(), 1);
    bar.setMode(PlaybackMode::Animate);
    QCOMPARE(mode.count(), 1);
    QVERIFY(bar.animateButton()->isChecked());
    QVERIFY(bar.playButton()->isEnabled());
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
