// Steady hands and numbers for people (issue 12): sliders with a resolution a hand can
// use, fine mode, keys and wheel; nothing in a card or a dock moves or grows while a
// slider is dragged or a run diverges; fields show 4 significant digits and keep exact
// values. Driven through real input events, as a user would.

#include "core/optimizer.h"
#include "ui/eliding_label.h"
#include "ui/fine_slider.h"
#include "ui/optimizer_card.h"
#include "ui/optimizer_panel.h"
#include "ui/parameter_control.h"
#include "ui/step_inspector.h"
#include "ui/surface_panel.h"
#include "user_input.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <cmath>
#include <set>

using namespace optviz;

using namespace optviz::testing;

namespace {

const ParameterSpec& lrSpec()
{
    return *findParameter(findOptimizer("adam")->parameters, "lr");
}

int indexOf(const Scene& scene, const char* name)
{
    for (int i = 0; i < scene.optimizers.size(); ++i)
        if (scene.optimizers[i].name == name)
            return i;
    return -1;
}

// Decades between two values: log10 is linear in a log slider's position.
double decades(double from, double to)
{
    return std::log10(to / from);
}

// The lr slider's travel, 1e-6 … 10: seven decades over 1000 positions.
constexpr double lrDecadesPerPosition = 7.0 / 1000.0;

QPoint handleCentre(const FineSlider* slider)
{
    return slider->handleRect().center();
}

void moveTo(FineSlider* slider, QPoint pos, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mouseEvent(QTest::MouseMove, slider, Qt::NoButton, modifiers, pos);
}

void wheel(QWidget* target, int angle, Qt::KeyboardModifiers modifiers)
{
    const QPointF centre = QRectF(target->rect()).center();
    QWheelEvent event(centre, target->mapToGlobal(centre), QPoint(), QPoint(0, angle), Qt::NoButton,
        modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

// Where every part of a card sits, relative to the panel.
QList<QRect> geometries(const QWidget* root, const QList<const QWidget*>& parts)
{
    QList<QRect> rects;
    for (const QWidget* part : parts)
        rects << QRect(part->mapTo(root, QPoint(0, 0)), part->size());
    return rects;
}

} // namespace

class TestSteadyControls : public QObject
{
    Q_OBJECT

private slots:
    void dragVisitsManyValuesAndNothingMoves();
    void shiftDragIsTenTimesFinerWithoutJumps();
    void keysAndWheelStepAsDocumented();
    void clickOnTheGrooveMovesTheHandleThere();
    void typedExactValueSurvives();
    void entryWidthDoesNotDependOnTheValue();
    void startFieldsShowFourDigits();
    void legendLabelShowsFourDigits();
    void statusDoesNotMoveTheCard();
    void cardsFitANarrowDock();
    void inspectorStatusDoesNotWidenTheDock();
    void elidingLabelCutsAndKeepsItsHeight();
};

void TestSteadyControls::dragVisitsManyValuesAndNothingMoves()
{
    // The window's loop: every edit comes back as the scene, and the run's status is
    // set while the slider is being dragged (OptimizerPanel::setRunStatus).
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.resize(560, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const int adam = indexOf(panel.scene(), "adam");
    QVERIFY(adam >= 0);
    OptimizerCard* card = panel.card(adam);
    ParameterControl* lr = card->parameterControl("lr");
    FineSlider* slider = lr->slider();
    connect(&panel, &OptimizerPanel::sceneEdited, &panel,
        [&panel](const Scene& scene) { panel.setScene(scene); });
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);

    // Start at the left end of the travel.
    lr->setValue(1e-6);
    QApplication::processEvents();
    QCOMPARE(slider->value(), slider->minimum());
    const QList<const QWidget*> parts
        = {card, slider, lr->entry(), lr->resetButton(), card->removeButton()};
    const QList<QRect> before = geometries(&panel, parts);

    QPoint pointer = handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, pointer);
    QVERIFY(slider->isSliderDown());
    std::set<double> visited;
    double previous = lr->value();
    int moves = 0;
    while (lr->value() < 10.0 && moves < 2000) {
        pointer += QPoint(1, 0);
        moveTo(slider, pointer);
        ++moves;
        if (moves == 120)
            panel.setRunStatus(adam, QStringLiteral("diverged at step 12"));
        if (moves == 180)
            panel.setRunStatus(adam, QString());
        if (moves == 200)
            panel.setRunStatus(adam,
                QStringLiteral("diverged at step 3 — a much longer status "
                               "text than the header has room for"));
        QApplication::processEvents(); // layout requests, if anything asked for one
        const double value = lr->value();
        visited.insert(value);
        // Monotonic, and a pixel is a small step: never more than one pixel's positions
        // (plus rounding) of the seven decades.
        QVERIFY2(value >= previous, qPrintable(QString("%1 -> %2").arg(previous).arg(value)));
        QVERIFY2(
            decades(previous, value) <= (slider->positionsPerPixel() + 1.0) * lrDecadesPerPosition,
            qPrintable(QString("%1 -> %2 at move %3").arg(previous).arg(value).arg(moves)));
        previous = value;
        QCOMPARE(geometries(&panel, parts), before);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, pointer);
    QCOMPARE(lr->value(), 10.0); // the right end, reached by the hand
    QVERIFY2(visited.size() >= 200, qPrintable(QString::number(visited.size())));
    QVERIFY(card->statusLabel()->isVisible());
    QCOMPARE(geometries(&panel, parts), before);
    // Every emitted value reached the scene, exactly as shown.
    QCOMPARE(panel.scene().optimizers[adam].parameters.at("lr"), 10.0);
    QVERIFY(spy.count() >= 200);
}

void TestSteadyControls::shiftDragIsTenTimesFinerWithoutJumps()
{
    ParameterControl lr(lrSpec());
    lr.resize(520, lr.sizeHint().height());
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    FineSlider* slider = lr.slider();
    lr.setValue(0.01);

    // 40 px plain, then 40 px with Shift held.
    const double start = lr.value();
    QPoint pointer = handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, pointer);
    for (int i = 0; i < 40; ++i) {
        pointer += QPoint(1, 0);
        moveTo(slider, pointer);
    }
    const double afterPlain = lr.value();
    double previous = afterPlain;
    for (int i = 0; i < 40; ++i) {
        pointer += QPoint(1, 0);
        moveTo(slider, pointer, Qt::ShiftModifier);
        // Anchored where Shift was pressed: the first fine pixel is a fine step, no jump.
        QVERIFY2(decades(previous, lr.value())
                <= (slider->positionsPerPixel() * FineSlider::fineFactor + 0.05)
                    * lrDecadesPerPosition,
            qPrintable(QString("%1 -> %2").arg(previous).arg(lr.value())));
        previous = lr.value();
    }
    const double afterFine = lr.value();
    // Releasing Shift continues from there too.
    pointer += QPoint(1, 0);
    moveTo(slider, pointer);
    QVERIFY(decades(afterFine, lr.value())
        <= (slider->positionsPerPixel() + 1.0) * lrDecadesPerPosition);
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, pointer);

    const double plain = decades(start, afterPlain);
    const double fine = decades(afterPlain, afterFine);
    QVERIFY(plain > 0.0 && fine > 0.0);
    // Ten times finer; 4-digit rounding of the values moves the ratio a little.
    QVERIFY2(std::abs(plain / fine - 10.0) < 0.6, qPrintable(QString::number(plain / fine)));
    // Fine values lie between the slider's positions: more distinct values than pixels
    // of a plain drag would give.
    QVERIFY(fine < 40 * slider->positionsPerPixel() * lrDecadesPerPosition / 5);
}

void TestSteadyControls::keysAndWheelStepAsDocumented()
{
    ParameterControl lr(lrSpec());
    lr.resize(520, lr.sizeHint().height());
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    FineSlider* slider = lr.slider();
    slider->setFocus();
    QTRY_VERIFY(slider->hasFocus());
    QSignalSpy spy(&lr, &ParameterControl::valueChanged);
    const double tolerance = 1e-3; // decades: the 4-digit rounding of each value

    // Arrow: one position, 1/1000 of the seven decades.
    double before = lr.value();
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(spy.count(), 1);
    QVERIFY(std::abs(decades(before, lr.value()) - 0.007) < tolerance);
    before = lr.value();
    QTest::keyClick(slider, Qt::Key_Left);
    QVERIFY(std::abs(decades(before, lr.value()) + 0.007) < tolerance);

    // Page Up: 1/20 of the travel, 0.35 decades (×2.24).
    before = lr.value();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QVERIFY(std::abs(decades(before, lr.value()) - 0.35) < tolerance);
    before = lr.value();
    QTest::keyClick(slider, Qt::Key_PageDown);
    QVERIFY(std::abs(decades(before, lr.value()) + 0.35) < tolerance);

    // Wheel: ten positions a notch (0.07 decades); with Shift one (0.007).
    before = lr.value();
    wheel(slider, 120, Qt::NoModifier);
    QVERIFY(std::abs(decades(before, lr.value()) - 0.07) < tolerance);
    before = lr.value();
    wheel(slider, -120, Qt::ShiftModifier);
    QVERIFY(std::abs(decades(before, lr.value()) + 0.007) < tolerance);
    // Half notches (a touchpad) add up to one.
    before = lr.value();
    wheel(slider, 60, Qt::NoModifier);
    QCOMPARE(lr.value(), before);
    wheel(slider, 60, Qt::NoModifier);
    QVERIFY(std::abs(decades(before, lr.value()) - 0.07) < tolerance);

    // Home and End: the ends of the travel.
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(lr.value(), 1e-6);
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(lr.value(), 10.0);

    // Reset: the default, exactly.
    QTest::mouseClick(lr.resetButton(), Qt::LeftButton);
    QCOMPARE(lr.value(), lrSpec().defaultValue);
}

void TestSteadyControls::clickOnTheGrooveMovesTheHandleThere()
{
    ParameterControl lr(lrSpec());
    lr.resize(520, lr.sizeHint().height());
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    FineSlider* slider = lr.slider();
    lr.setValue(1e-6);
    const QPoint target(slider->width() * 3 / 4, handleCentre(slider).y());
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, target);
    QVERIFY(slider->isSliderDown()); // and it is being dragged from there
    QVERIFY(slider->handleRect().contains(target));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, target);
    // About three quarters of the seven decades.
    QVERIFY2(
        std::abs(decades(1e-6, lr.value()) - 5.25) < 0.35, qPrintable(QString::number(lr.value())));
}

void TestSteadyControls::typedExactValueSurvives()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.resize(560, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const int adam = indexOf(panel.scene(), "adam");
    ParameterControl* lr = panel.card(adam)->parameterControl("lr");
    QSignalSpy spy(&panel, &OptimizerPanel::sceneEdited);

    typeInto(lr->entry(), "0.0123456789");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lr->value(), 0.0123456789); // not snapped to the slider's grid
    QCOMPARE(panel.scene().optimizers[adam].parameters.at("lr"), 0.0123456789);
    // While focused the field holds what was typed; once focus leaves, 4 digits.
    lr->slider()->setFocus();
    QTRY_VERIFY(!lr->entry()->hasFocus());
    QCOMPARE(lr->entry()->text(), QString("0.01235"));
    QVERIFY(lr->entry()->toolTip().contains("0.0123456789"));
    // The window hands the scene back: nothing changes.
    panel.setScene(panel.scene());
    QCOMPARE(lr->value(), 0.0123456789);
    // Focusing the field shows the exact value to edit; leaving it unedited (Return,
    // focus out) keeps the exact value: the rounded text is never applied.
    lr->entry()->setFocus();
    QTRY_VERIFY(lr->entry()->hasFocus());
    QCOMPARE(lr->entry()->text(), QString("0.0123456789"));
    QTest::keyClick(lr->entry(), Qt::Key_Return);
    lr->slider()->setFocus();
    QTRY_VERIFY(!lr->entry()->hasFocus());
    QCOMPARE(lr->value(), 0.0123456789);
    QCOMPARE(spy.count(), 1);
    // The slider shows it between its positions, and a fine drag starts from it.
    QCOMPARE(lr->slider()->precisePosition(), lr->precisePosition(0.0123456789));
    QPoint pointer = handleCentre(lr->slider());
    QTest::mousePress(lr->slider(), Qt::LeftButton, Qt::ShiftModifier, pointer);
    pointer += QPoint(1, 0);
    moveTo(lr->slider(), pointer, Qt::ShiftModifier);
    QTest::mouseRelease(lr->slider(), Qt::LeftButton, Qt::ShiftModifier, pointer);
    const double moved = decades(0.0123456789, lr->value());
    QVERIFY2(moved > 0.0 && moved < 0.004, qPrintable(QString::number(lr->value(), 'g', 17)));
}

void TestSteadyControls::entryWidthDoesNotDependOnTheValue()
{
    ParameterControl lr(lrSpec());
    lr.resize(520, lr.sizeHint().height());
    lr.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lr));
    const QRect entry = lr.entry()->geometry();
    const QRect slider = lr.slider()->geometry();
    const QSize hint = lr.sizeHint();
    const QSize minimum = lr.minimumSizeHint();
    for (double value : {1e-6, 0.000123456, 0.01, 0.5, 9.87654321, 1000.0}) {
        lr.setValue(value);
        QApplication::processEvents();
        QCOMPARE(lr.entry()->geometry(), entry);
        QCOMPARE(lr.slider()->geometry(), slider);
        QCOMPARE(lr.sizeHint(), hint);
        QCOMPARE(lr.minimumSizeHint(), minimum);
    }
    // Every 4-digit form fits the field without scrolling.
    const QFontMetrics metrics = lr.entry()->fontMetrics();
    for (const QString text : {"-0.001235", "0.0001235", "1.235e-05", "0.5008"})
        QVERIFY2(metrics.horizontalAdvance(text) < lr.entry()->width() - 8, qPrintable(text));
}

void TestSteadyControls::startFieldsShowFourDigits()
{
    SurfacePanel panel;
    Scene scene = Scene::defaultScene();
    scene.start = Point2 {0.50081833, -1.23456789e-5};
    panel.setScene(scene);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);
    QLineEdit* x = panel.startXEdit();
    QLineEdit* y = panel.startYEdit();
    QCOMPARE(x->text(), QString("0.5008"));
    QCOMPARE(y->text(), QString("-1.235e-05"));
    QVERIFY(x->toolTip().contains("0.50081833"));
    QVERIFY(y->toolTip().contains("-1.23456789e-05"));
    const int width = x->width();
    QVERIFY(x->fontMetrics().horizontalAdvance(y->text()) < y->width());
    // Editing starts from the exact value; leaving it unedited changes nothing.
    x->setFocus();
    QTRY_VERIFY(x->hasFocus());
    QCOMPARE(x->text(), QString("0.50081833"));
    QTest::keyClick(x, Qt::Key_Return);
    y->setFocus();
    QTRY_VERIFY(y->hasFocus());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(x->text(), QString("0.5008"));
    QCOMPARE(x->width(), width);
    QVERIFY(panel.scene().start == (Point2 {0.50081833, -1.23456789e-5}));
    // A typed value is applied exactly.
    typeInto(x, "0.123456");
    QCOMPARE(spy.count(), 1);
    QCOMPARE(panel.scene().start->x, 0.123456);
}

void TestSteadyControls::legendLabelShowsFourDigits()
{
    Scene scene = Scene::defaultScene();
    OptimizerEntry entry = scene.makeEntry("momentum");
    entry.parameters["lr"] = 0.014677578663479131;
    entry.parameters["momentum"] = 0.38387755102040816;
    QCOMPARE(entry.label(), QString("momentum lr=0.01468 momentum=0.3839"));
    // The scene file keeps the exact values.
    scene.optimizers = {entry};
    const Scene back = Scene::fromJson(scene.toJson());
    QCOMPARE(back.optimizers[0].parameters.at("lr"), 0.014677578663479131);
    QCOMPARE(back.optimizers[0].parameters.at("momentum"), 0.38387755102040816);
    // Counts and switches as they are.
    OptimizerEntry lbfgs = scene.makeEntry("lbfgs");
    lbfgs.parameters["history_size"] = 12345;
    QVERIFY(lbfgs.label().contains("history_size=12345"));
}

void TestSteadyControls::statusDoesNotMoveTheCard()
{
    OptimizerPanel panel;
    panel.setScene(Scene::defaultScene());
    panel.resize(320, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    OptimizerCard* card = panel.card(0);
    ParameterControl* lr = card->parameterControl("lr");
    const QList<const QWidget*> parts
        = {card, lr->slider(), lr->entry(), card->removeButton(), card->duplicateButton()};
    const QList<QRect> before = geometries(&panel, parts);
    const QString longText = QStringLiteral("diverged at step 123456 — and a great deal more text "
                                            "than any header could hold");
    panel.setRunStatus(0, longText);
    QApplication::processEvents();
    QCOMPARE(geometries(&panel, parts), before);
    QVERIFY(card->statusLabel()->isVisible());
    QCOMPARE(card->statusLabel()->toolTip(), QString("⚠ ") + longText); // in full
    QVERIFY(card->statusLabel()->isElided());
    // An inconsistent edit says why in the same place: nesterov without momentum.
    ParameterControl* nesterov = card->parameterControl("nesterov");
    QVERIFY(nesterov);
    QTest::mouseClick(nesterov->checkBox(), Qt::LeftButton);
    QApplication::processEvents();
    QVERIFY(card->statusLabel()->text().contains("Not applied"));
    QCOMPARE(geometries(&panel, parts), before);
    panel.setRunStatus(0, QString());
    QTest::mouseClick(nesterov->checkBox(), Qt::LeftButton);
    QApplication::processEvents();
    QVERIFY(!card->statusLabel()->isVisible());
    QCOMPARE(geometries(&panel, parts), before);
}

void TestSteadyControls::cardsFitANarrowDock()
{
    // The dock at its narrowest: every card's switches and buttons inside the visible
    // width, no part of a card cut off at the right.
    OptimizerPanel panel;
    Scene scene = Scene::defaultScene();
    scene.optimizers.append(scene.makeEntry("adadelta"));
    panel.setScene(scene);
    const int narrowest = panel.minimumSizeHint().width();
    // At most a quarter of a 1024-px screen, beside the map and the left column.
    const int bound = 1024 / 4;
    QVERIFY2(narrowest <= bound, qPrintable(QString("%1 > %2").arg(narrowest).arg(bound)));
    panel.resize(narrowest, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QApplication::processEvents();
    const QRect visible(panel.scrollArea()->viewport()->mapTo(&panel, QPoint(0, 0)),
        panel.scrollArea()->viewport()->size());
    for (int i = 0; i < panel.cardCount(); ++i) {
        OptimizerCard* card = panel.card(i);
        for (const QWidget* part : QList<const QWidget*> {card->removeButton(),
                 card->duplicateButton(), card->enabledBox(), card->nameBox()}) {
            const QRect rect(part->mapTo(&panel, QPoint(0, 0)), part->size());
            QVERIFY2(visible.left() <= rect.left() && rect.right() <= visible.right(),
                qPrintable(QString("card %1: %2").arg(i).arg(part->metaObject()->className())));
        }
        for (const ParameterControl* control : card->parameterControls()) {
            if (!control->isVisible())
                continue;
            const QRect reset(control->resetButton()->mapTo(&panel, QPoint(0, 0)),
                control->resetButton()->size());
            QVERIFY(reset.right() <= visible.right());
        }
    }
    QVERIFY(!panel.scrollArea()->horizontalScrollBar()->isVisible());
}

void TestSteadyControls::inspectorStatusDoesNotWidenTheDock()
{
    StepInspector inspector;
    inspector.resize(300, 600);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    const QSize minimumBefore = inspector.minimumSizeHint();
    const QSize hintBefore = inspector.sizeHint();

    // A diverged momentum run with an unwieldy label: the numbers of the issue.
    Scene scene = Scene::defaultScene();
    OptimizerEntry entry = scene.makeEntry("momentum");
    entry.parameters["lr"] = 0.014677578663479131;
    entry.parameters["momentum"] = 0.38387755102040816;
    scene.optimizers = {entry};
    RunChunk chunk;
    for (int step = 0; step <= 29; ++step) {
        chunk.steps << step;
        chunk.x << -2.79e-27;
        chunk.y << 5.63e+11 * step / 29.0;
        chunk.loss << 6.3e+23 * step / 29.0;
    }
    chunk.status = RunStatus::Diverged;
    chunk.stepsTaken = 29;
    chunk.divergedAtStep = 29;
    Vector gradient(2);
    gradient << 1.23456789e+12, -9.87654321e-3;
    chunk.state.vectors = {{"gradient", gradient}, {"update", gradient},
        {"momentum_buffer", gradient}, {"effective_lr", gradient}};
    RunSeries series;
    series.append(chunk);
    inspector.setRuns(scene, {series}, {0});
    QApplication::processEvents();

    const QString text = inspector.statusLabel()->text();
    QVERIFY2(text.contains("diverged at step 29") && text.contains("6.3e+23"), qPrintable(text));
    QVERIFY(inspector.statusLabel()->toolTip().contains("6.3e+23")); // the full text
    QVERIFY(inspector.statusLabel()->shownLines().size() <= 2);
    // Neither the minimum nor the preferred width follows the text.
    QCOMPARE(inspector.minimumSizeHint().width(), minimumBefore.width());
    QVERIFY(inspector.sizeHint().width() <= std::max(hintBefore.width(), 320));
    QVERIFY(inspector.minimumSizeHint().width() <= 320);
    // 4 significant digits in the table, the exact value as the tooltip.
    QTableWidget* table = inspector.table();
    QCOMPARE(table->item(0, 1)->text(), QString("1.235e+12"));
    QCOMPARE(table->item(0, 1)->toolTip(), QString("1234567890000"));
    QCOMPARE(table->item(0, 2)->text(), QString("-0.009877"));
    // The table shows a few rows at its minimum height.
    QVERIFY(table->minimumHeight() >= table->horizontalHeader()->height()
            + StepInspector::minimumVisibleRows * table->verticalHeader()->defaultSectionSize());
}

void TestSteadyControls::elidingLabelCutsAndKeepsItsHeight()
{
    ElidingLabel label(2);
    label.resize(120, label.sizeHint().height());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    const int height = label.height();
    const QSize hint = label.sizeHint();
    label.setText(QStringLiteral("short"));
    QVERIFY(!label.isElided());
    QCOMPARE(label.shownLines(), QStringList {"short"});
    const QString longText = QStringLiteral("step 29 — diverged at step 29")
        + QChar(QChar::LineSeparator)
        + QStringLiteral("at (-2.79e-27, 5.63e+11), loss 6.3e+23 and a lot more besides");
    label.setText(longText);
    QCOMPARE(label.sizeHint(), hint);
    QCOMPARE(label.height(), height);
    QVERIFY(label.isElided());
    const QStringList lines = label.shownLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.last().endsWith(QChar(0x2026)));
    for (const QString& line : lines)
        QVERIFY2(label.fontMetrics().horizontalAdvance(line) <= label.width(), qPrintable(line));
    QVERIFY(label.toolTip().contains("a lot more besides"));
}

QTEST_MAIN(TestSteadyControls)
#include "tst_steady_controls.moc"
