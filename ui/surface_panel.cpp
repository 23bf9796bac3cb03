#include "surface_panel.h"

#include "display_names.h"
#include "number_text.h"
#include "parameter_control.h"
#include "translation.h"

#include "core/expression/expression_surface.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// As Scene::fromJson accepts them.
constexpr double maxCoordinate = 1e6;
constexpr double maxSeed = 9007199254740992.0; // 2⁵³, exact in JSON

QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

ParameterSpec noiseSpec()
{
    return {"noise", 0.0, 0.0, 1e6, false, false, Scale::Log,
        "standard deviation σ of Gaussian noise added to every gradient component, the "
        "same for every optimizer (0 = exact gradients)"};
}

ParameterSpec clipSpec()
{
    return {"clip_norm", 0.0, 0.0, 1e12, false, false, Scale::Log,
        "a gradient longer than this is scaled down to this length before the "
        "optimizer sees it (0 = no clipping)"};
}

ParameterSpec seedSpec()
{
    return {"seed", 1.0, 0.0, maxSeed, false, false, Scale::Integer,
        "seed of the gradient noise and of the mini-batch shuffles: the same seed gives "
        "the same run"};
}

ParameterSpec batchSpec(int sampleCount)
{
    return {"batch_size", 0.0, 0.0, double(std::max(0, sampleCount)), false, false, Scale::Integer,
        "data points per gradient step on the data surfaces (linreg, tinynet), drawn "
        "without replacement each epoch; 0 = all of them (full batch)"};
}

QLabel* heading(const QString& text, QWidget* parent)
{
    // Bold through markup, not setFont(), so the size still follows the application's
    // font when the window scales it for a projector.
    return new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
}

// The formulas of the examples menu: textbook surfaces written out, and shapes that
// none of the built-in surfaces has.
struct ExampleFormula
{
    const char* name;
    const char* formula;
};

constexpr ExampleFormula exampleFormulas[] = {
    {"ripple bowl", "sin(x)*cos(y) + 0.1*(x^2 + y^2)"}, // ExpressionSurface's default
    {"Rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2"},
    {"monkey saddle", "x^3 - 3*x*y^2"},
    {"Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"},
    {"double well", "(x^2 - 1)^2 + 2*y^2"},
    {"narrow bowl", "0.5*(x^2 + 25*y^2)"},
    {"kinked valley", "abs(x - y) + 0.1*(x + y)^2"},
};

const QColor problemColour(0xB0, 0x00, 0x20); // as ParameterControl marks a bad entry

} // namespace

SurfacePanel::SurfacePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(3);

    auto* surfaceRow = new QHBoxLayout;
    surfaceLabel_ = new QLabel(tr("surface"), this);
    surfaceRow->addWidget(surfaceLabel_);
    surfaceBox_ = new QComboBox(this);
    surfaceBox_->setFocusPolicy(Qt::StrongFocus);
    surfaceBox_->installEventFilter(this);
    for (const SurfaceInfo& info : surfaceCatalog()) {
        surfaceBox_->addItem(surfaceDisplayName(info.name), toQString(info.name));
        surfaceBox_->setItemData(
            surfaceBox_->count() - 1, surfaceDefinitionText(info.definition), Qt::ToolTipRole);
    }
    surfaceBox_->setToolTip(tr("The landscape the optimizers descend. Choosing another resets "
                               "its parameters, the view and the start to its defaults."));
    surfaceLabel_->setBuddy(surfaceBox_);
    connect(surfaceBox_, &QComboBox::activated, this, &SurfacePanel::onSurfaceChosen);
    surfaceRow->addWidget(surfaceBox_, 1);
    layout->addLayout(surfaceRow);

    definitionLabel_ = new QLabel(this);
    definitionLabel_->setWordWrap(true);
    definitionLabel_->setTextFormat(Qt::PlainText);
    definitionLabel_->setForegroundRole(QPalette::PlaceholderText);
    definitionLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(definitionLabel_);

    // The formula of surface "expr": label and field, the syntax or the problem under
    // the field, the examples under that.
    formulaRow_ = new QWidget(this);
    auto* formulaLayout = new QGridLayout(formulaRow_);
    formulaLayout->setContentsMargins(0, 0, 0, 0);
    formulaLayout->setHorizontalSpacing(layout->spacing());
    formulaLayout->setVerticalSpacing(2);
    formulaLabel_ = new QLabel(QStringLiteral("f(x, y) ="), formulaRow_);
    formulaLayout->addWidget(formulaLabel_, 0, 0);
    formulaEdit_ = new QLineEdit(formulaRow_);
    formulaEdit_->setClearButtonEnabled(true);
    const QString formulaTip
        = tr("<p>A formula in x and y: + − * / ^ ( ), numbers such as 2, 1.5, .5 or 1e-3, the "
             "constants pi and e, and the functions sin cos tan exp log sqrt abs tanh sinh "
             "cosh atan. Write products with * (2*x, not 2x); −x^2 is −(x^2).</p><p>Its "
             "gradient and Hessian are exact (automatic differentiation). It is checked as "
             "you type and used as soon as it parses; Esc restores the formula in use.</p>");
    formulaEdit_->setProperty("validToolTip", formulaTip);
    formulaEdit_->setToolTip(formulaTip);
    formulaEdit_->installEventFilter(this);
    formulaLabel_->setBuddy(formulaEdit_);
    connect(formulaEdit_, &QLineEdit::textEdited, this, &SurfacePanel::onFormulaEdited);
    formulaLayout->addWidget(formulaEdit_, 0, 1);
    formulaProblem_ = new QLabel(formulaRow_);
    formulaProblem_->setWordWrap(true);
    formulaProblem_->setTextFormat(Qt::PlainText);
    formulaProblem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formulaLayout->addWidget(formulaProblem_, 1, 1);
    examplesBox_ = new QComboBox(formulaRow_);
    examplesBox_->setPlaceholderText(tr("examples…"));
    examplesBox_->setFocusPolicy(Qt::StrongFocus);
    examplesBox_->installEventFilter(this);
    examplesBox_->setToolTip(tr("Put a textbook formula in the field, to run or to edit"));
    for (const ExampleFormula& example : exampleFormulas) {
        examplesBox_->addItem(QStringLiteral("%1:  %2").arg(tr(example.name), example.formula),
            QString::fromLatin1(example.formula));
    }
    examplesBox_->setCurrentIndex(-1);
    connect(examplesBox_, &QComboBox::activated, this, [this](int index) {
        const QString formula = examplesBox_->itemData(index).toString();
        {
            const QSignalBlocker blocker(examplesBox_);
            examplesBox_->setCurrentIndex(-1); // a menu of examples, not a state
        }
        formulaEdit_->setText(formula);
        onFormulaEdited(formula);
    });
    formulaLayout->addWidget(examplesBox_, 2, 1, Qt::AlignLeft);
    formulaLayout->setColumnStretch(1, 1);
    formulaRow_->hide();
    layout->addWidget(formulaRow_);

    parameterLayout_ = new QVBoxLayout;
    parameterLayout_->setSpacing(2);
    layout->addLayout(parameterLayout_);

    auto* startRow = new QHBoxLayout;
    startLabel_ = new QLabel(tr("start"), this);
    startLabel_->setToolTip(tr("Where every optimizer starts. You can also click on the map "
                               "or drag the start marker."));
    startRow->addWidget(startLabel_);
    for (QLineEdit** edit : {&startX_, &startY_}) {
        const bool isX = edit == &startX_;
        if (!isX)
            startRow->addStretch(1); // y's field lines up with the entries above
        auto* axis = new QLabel(isX ? QStringLiteral("x") : QStringLiteral("y"), this);
        startRow->addWidget(axis);
        *edit = new QLineEdit(this);
        QLineEdit* field = *edit;
        field->setAlignment(Qt::AlignRight);
        const QString tip = tr("%1 of the start point, any finite number in [−10⁶, 10⁶]. Type "
                               "it and press Enter, or click on the map.")
                                .arg(isX ? QStringLiteral("x") : QStringLiteral("y"));
        field->setProperty("baseToolTip", tip);
        field->setProperty("validToolTip", tip);
        field->setToolTip(tip);
        field->installEventFilter(this);
        axis->setBuddy(field);
        connect(field, &QLineEdit::returnPressed, this, [this, field] { commitStart(field); });
        connect(field, &QLineEdit::editingFinished, this, [this, field] { commitStart(field); });
        startRow->addWidget(field);
    }
    startReset_ = new QToolButton(this);
    startReset_->setText(QStringLiteral("↺"));
    startReset_->setAutoRaise(true);
    startReset_->setToolTip(tr("Start from the surface's default start point"));
    connect(startReset_, &QToolButton::clicked, this, [this] {
        if (!scene_.start)
            return showStart();
        scene_.start.reset();
        showStart();
        emit sceneEdited(scene_);
    });
    startRow->addWidget(startReset_);
    layout->addLayout(startRow);

    layout->addSpacing(6);
    QLabel* gradientHeading = heading(tr("Stochastic gradient"), this);
    gradientHeading->setToolTip(tr("How the gradient every optimizer sees departs from the "
                                   "exact one: noise, clipping, mini-batches"));
    layout->addWidget(gradientHeading);
    gradientLayout_ = new QVBoxLayout;
    gradientLayout_->setSpacing(2);
    layout->addLayout(gradientLayout_);

    noise_ = new ParameterControl(noiseSpec(), this);
    noise_->setLabelText(tr("noise σ"));
    noise_->setSliderRange(1e-3, 1e3);
    connect(noise_, &ParameterControl::valueChanged, this, [this](double value) {
        scene_.gradient.noise = value;
        emit sceneEdited(scene_);
    });
    gradientLayout_->addWidget(noise_);

    clip_ = new ParameterControl(clipSpec(), this);
    clip_->setLabelText(tr("clip norm"));
    clip_->setSliderRange(1e-3, 1e3);
    connect(clip_, &ParameterControl::valueChanged, this, [this](double value) {
        scene_.gradient.clipNorm = value;
        emit sceneEdited(scene_);
    });
    gradientLayout_->addWidget(clip_);

    seed_ = new ParameterControl(seedSpec(), this);
    seed_->setLabelText(tr("seed"));
    connect(seed_, &ParameterControl::valueChanged, this, [this](double value) {
        scene_.gradient.seed = static_cast<std::uint64_t>(value);
        emit sceneEdited(scene_);
    });
    gradientLayout_->addWidget(seed_);
    layout->addStretch(1);

    updateMetrics();
    setScene(Scene::defaultScene());
}

SurfacePanel::~SurfacePanel()
{
    // ~QWidget hides the fields after this class is gone: a focused field's editingFinished
    // must not reach this half-destroyed panel (UBSan found the call).
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

void SurfacePanel::refreshSurfaceFacts()
{
    try {
        const std::unique_ptr<Surface> surface = scene_.makeSurface();
        sampleCount_ = surface->sampleCount();
        defaultStart_ = surface->defaultStart();
    } catch (const InvalidArgument&) {
        sampleCount_ = 0;
        defaultStart_ = Point2 {};
    }
}

void SurfacePanel::setScene(const Scene& scene)
{
    const bool newSurface = !hasScene_ || scene.surface != scene_.surface;
    const bool newFacts = newSurface || !scene.sameSurface(scene_);
    scene_ = scene;
    hasScene_ = true;
    if (newFacts)
        refreshSurfaceFacts();
    if (newSurface)
        buildSurfaceControls();
    showScene();
}

void SurfacePanel::buildSurfaceControls()
{
    for (ParameterControl* control : controls_) {
        parameterLayout_->removeWidget(control);
        control->hide();
        control->deleteLater();
    }
    controls_.clear();
    const SurfaceInfo* info = findSurface(scene_.surface);
    if (!info)
        return;
    for (const ParameterSpec& spec : info->parameters) {
        auto* control = new ParameterControl(spec, this);
        const std::string name = spec.name;
        connect(control, &ParameterControl::valueChanged, this,
            [this, name](double value) { onSurfaceParameter(name, value); });
        parameterLayout_->addWidget(control);
        controls_.append(control);
    }
}

void SurfacePanel::rebuildBatchControl()
{
    const int maximum = std::max(0, sampleCount_);
    if (batch_ && int(batch_->spec().maximum) == maximum)
        return;
    int index = gradientLayout_->count();
    if (batch_) {
        index = gradientLayout_->indexOf(batch_);
        gradientLayout_->removeWidget(batch_);
        batch_->hide();
        batch_->deleteLater();
    } else {
        index = gradientLayout_->indexOf(seed_); // between clip norm and seed
    }
    batch_ = new ParameterControl(batchSpec(maximum), this);
    batch_->setLabelText(tr("batch size"));
    batch_->setSpecialValueText(tr("full batch"));
    connect(batch_, &ParameterControl::valueChanged, this, [this](double value) {
        scene_.gradient.batchSize = int(value);
        emit sceneEdited(scene_);
    });
    gradientLayout_->insertWidget(index, batch_);
}

void SurfacePanel::showScene()
{
    {
        const QSignalBlocker blocker(surfaceBox_);
        surfaceBox_->setCurrentIndex(surfaceBox_->findData(toQString(scene_.surface)));
    }
    const SurfaceInfo* info = findSurface(scene_.surface);
    definitionLabel_->setText(info ? surfaceDefinitionText(info->definition) : QString());
    showFormula();
    for (ParameterControl* control : controls_) {
        const auto it = scene_.surfaceParameters.find(control->spec().name);
        control->setValue(
            it != scene_.surfaceParameters.end() ? it->second : control->spec().defaultValue);
    }
    showStart();
    noise_->setValue(scene_.gradient.noise);
    clip_->setValue(scene_.gradient.clipNorm);
    seed_->setValue(double(scene_.gradient.seed));
    rebuildBatchControl();
    batch_->setValue(std::clamp(scene_.gradient.batchSize, 0, std::max(0, sampleCount_)));
    batch_->setEnabled(sampleCount_ > 0);
}

void SurfacePanel::showStart()
{
    const Point2 start = scene_.start.value_or(defaultStart_);
    for (QLineEdit* edit : {startX_, startY_})
        showCoordinate(edit, edit == startX_ ? start.x : start.y);
    startReset_->setEnabled(scene_.start.has_value());
}

void SurfacePanel::showCoordinate(QLineEdit* edit, double value)
{
    // 4 significant digits ("0.5008" for a click on the map at 0.50081833…), the exact
    // value in the tooltip and in the field while it is being edited.
    const QString exact = exactNumberText(value);
    const QString shown = numberText(value);
    QString tip = edit->property("baseToolTip").toString();
    if (shown != exact)
        tip += QStringLiteral("<br>") + tr("Exact value: %1").arg(exact);
    edit->setProperty("validToolTip", tip);
    double typed = 0.0;
    // A field being edited that already says this value keeps its text ("2.0" stays).
    const bool keep = edit->hasFocus() && !edit->property("invalid").toBool()
        && parseDouble(edit->text().toStdString(), typed) && typed == value;
    if (!keep) {
        const QString text = edit->hasFocus() ? exact : shown;
        if (edit->text() != text) {
            edit->setText(text);
            edit->setCursorPosition(0);
        }
    }
    ParameterControl::showEntryProblem(edit, QString(), tip);
}

void SurfacePanel::onSurfaceChosen(int index)
{
    const std::vector<SurfaceInfo>& catalog = surfaceCatalog();
    if (index < 0 || index >= int(catalog.size())
        || catalog[std::size_t(index)].name == scene_.surface)
        return;
    const SurfaceInfo& info = catalog[std::size_t(index)];
    scene_.surface = info.name;
    scene_.surfaceParameters = resolveParameters(info.parameters, {}, info.name);
    scene_.expression.clear();
    if (info.name == expressionSurfaceName)
        scene_.expression
            = lastFormula_.empty() ? std::string(ExpressionSurface::defaultFormula) : lastFormula_;
    shownFormula_.clear(); // whatever was left typed in the field gives way
    scene_.view.reset();
    scene_.start.reset();
    refreshSurfaceFacts();
    // A scene may not ask for larger batches than the surface has samples.
    scene_.gradient.batchSize = std::clamp(scene_.gradient.batchSize, 0, std::max(0, sampleCount_));
    buildSurfaceControls();
    showScene();
    emit sceneEdited(scene_);
}

void SurfacePanel::onSurfaceParameter(const std::string& name, double value)
{
    scene_.surfaceParameters[name] = value;
    refreshSurfaceFacts(); // the sample count, the default start may follow the parameters
    scene_.gradient.batchSize = std::clamp(scene_.gradient.batchSize, 0, std::max(0, sampleCount_));
    showStart();
    rebuildBatchControl();
    batch_->setValue(scene_.gradient.batchSize);
    batch_->setEnabled(sampleCount_ > 0);
    emit sceneEdited(scene_);
}

void SurfacePanel::commitStart(QLineEdit* edit)
{
    if (!edit->isModified() && !edit->property("invalid").toBool()) {
        showStart(); // nothing typed: the rounded text must not replace the exact start
        return;
    }
    QString text = edit->text().trimmed();
    if (!text.contains(QLatin1Char('.')) && text.count(QLatin1Char(',')) == 1)
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    double value = 0.0;
    QString problem;
    if (!parseDouble(text.toStdString(), value))
        problem = tr("“%1” is not a finite number.").arg(edit->text().toHtmlEscaped());
    else if (std::abs(value) > maxCoordinate)
        problem = tr("%1 is outside [−10⁶, 10⁶].").arg(text);
    if (!problem.isEmpty()) {
        edit->setProperty("invalid", true);
        ParameterControl::showEntryProblem(edit,
            tr("<b>Not applied.</b> %1<br>Esc restores the start in use.").arg(problem), QString());
        return;
    }
    Point2 start = scene_.start.value_or(defaultStart_);
    (edit == startX_ ? start.x : start.y) = value;
    ParameterControl::showEntryProblem(edit, QString(), edit->property("validToolTip").toString());
    if (start == scene_.start.value_or(defaultStart_)) {
        showStart();
        return;
    }
    scene_.start = start;
    showStart();
    emit sceneEdited(scene_);
}

void SurfacePanel::showFormula()
{
    const bool typed = scene_.surface == expressionSurfaceName;
    formulaRow_->setVisible(typed);
    definitionLabel_->setVisible(!typed); // the field says it all
    if (!typed || scene_.expression == shownFormula_)
        return; // a half-typed formula stays as it is, red, until it parses or Esc
    shownFormula_ = scene_.expression;
    lastFormula_ = scene_.expression;
    formulaEdit_->setText(toQString(scene_.expression));
    formulaEdit_->setCursorPosition(0);
    showFormulaProblem(QString());
}

void SurfacePanel::showFormulaProblem(const QString& problem)
{
    if (problem.isEmpty()) {
        ParameterControl::showEntryProblem(
            formulaEdit_, QString(), formulaEdit_->property("validToolTip").toString());
        formulaProblem_->setForegroundRole(QPalette::PlaceholderText);
        formulaProblem_->setText(tr("exact gradient and Hessian; write 2*x, not 2x"));
        return;
    }
    QPalette palette = formulaProblem_->palette();
    palette.setColor(QPalette::WindowText, problemColour);
    formulaProblem_->setPalette(palette);
    formulaProblem_->setForegroundRole(QPalette::WindowText);
    formulaProblem_->setText(problem);
    ParameterControl::showEntryProblem(formulaEdit_,
        tr("<b>Not applied.</b> %1<br>Esc restores the formula in use.")
            .arg(problem.toHtmlEscaped()),
        QString());
}

void SurfacePanel::onFormulaEdited(const QString& text)
{
    const std::string formula = text.toStdString();
    try {
        validateExpression(formula);
    } catch (const InvalidArgument& error) {
        showFormulaProblem(QString::fromUtf8(error.what()));
        return;
    }
    shownFormula_ = formula;
    lastFormula_ = formula;
    showFormulaProblem(QString());
    if (formula == scene_.expression)
        return;
    scene_.expression = formula;
    emit sceneEdited(scene_);
}

ParameterControl* SurfacePanel::parameterControl(std::string_view name) const
{
    for (ParameterControl* control : controls_)
        if (control->spec().name == name)
            return control;
    return nullptr;
}

void SurfacePanel::updateMetrics()
{
    const int width = ParameterControl::labelWidth(fontMetrics());
    surfaceLabel_->setFixedWidth(width);
    startLabel_->setFixedWidth(width);
    formulaLabel_->setFixedWidth(width);
    // As wide as the parameter entries (whatever the value shows), their right edges
    // lining up.
    const int fieldWidth = numberFieldWidth(fontMetrics());
    for (QLineEdit* field : {startX_, startY_}) {
        field->setMaximumWidth(fieldWidth);
        field->setMinimumWidth(fieldWidth / 2); // a narrow dock scrolls the text instead
    }
    // The formula sits under the combo box, not under the row labels.
    definitionLabel_->setIndent(width + layout()->spacing());
}

void SurfacePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    QWidget::changeEvent(event);
}

bool SurfacePanel::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == surfaceBox_ || watched == examplesBox_) && event->type() == QEvent::Wheel
        && !static_cast<QWidget*>(watched)->hasFocus()) {
        event->ignore(); // scrolling the dock must not switch the surface
        return true;
    }
    if (watched == formulaEdit_ && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        shownFormula_.clear(); // forces the formula in use back
        showFormula();
        return true;
    }
    if ((watched == startX_ || watched == startY_) && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        auto* edit = static_cast<QLineEdit*>(watched);
        edit->setProperty("invalid", true); // forces the text back
        showStart();
        return true;
    }
    // Editing starts from the exact value; an unedited field shows the short form again.
    if ((watched == startX_ || watched == startY_)
        && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)) {
        auto* edit = static_cast<QLineEdit*>(watched);
        if (!edit->isModified() && !edit->property("invalid").toBool())
            showStart();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace optviz
