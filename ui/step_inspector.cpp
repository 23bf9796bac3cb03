#include "step_inspector.h"

#include "eliding_label.h"
#include "number_text.h"
#include "rule_typesetter.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace optviz {

namespace {

// A table cell: 4 significant digits, the exact value as its tooltip.
QTableWidgetItem* numberItem(double value)
{
    auto* item = new QTableWidgetItem(numberText(value));
    item->setToolTip(exactNumberText(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// What each state entry is, for the row tooltips.
QString describe(const QString& name)
{
    static const QHash<QString, const char*> meanings = {
        {"gradient",
            QT_TRANSLATE_NOOP("StepInspector", "the gradient the step used (after weight decay)")},
        {"update", QT_TRANSLATE_NOOP("StepInspector", "the move the step made: θ_new − θ_old")},
        {"effective_lr",
            QT_TRANSLATE_NOOP("StepInspector",
                "−update / gradient: the step size each coordinate effectively got")},
        {"momentum_buffer", QT_TRANSLATE_NOOP("StepInspector", "the velocity b")},
        {"exp_avg",
            QT_TRANSLATE_NOOP("StepInspector", "first moment m: running mean of gradients")},
        {"exp_avg_sq",
            QT_TRANSLATE_NOOP(
                "StepInspector", "second moment v: running mean of squared gradients")},
        {"max_exp_avg_sq",
            QT_TRANSLATE_NOOP("StepInspector", "AMSGrad's maximum of past second moments")},
        {"square_avg", QT_TRANSLATE_NOOP("StepInspector", "running mean of squared gradients")},
        {"grad_avg",
            QT_TRANSLATE_NOOP("StepInspector", "running mean of gradients (centered RMSprop)")},
        {"acc_delta", QT_TRANSLATE_NOOP("StepInspector", "running mean of squared steps")},
        {"sum", QT_TRANSLATE_NOOP("StepInspector", "sum of squared gradients")},
        {"exp_inf", QT_TRANSLATE_NOOP("StepInspector", "infinity-norm moment u")},
        {"step_size", QT_TRANSLATE_NOOP("StepInspector", "each coordinate's current step size")},
        {"prev",
            QT_TRANSLATE_NOOP("StepInspector", "the previous gradient (zero after a sign flip)")},
    };
    const char* meaning = meanings.value(name, nullptr);
    return meaning ? QCoreApplication::translate("StepInspector", meaning) : QString();
}

} // namespace

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent)
    , runChooser_(new QComboBox(this))
    , stepLabel_(new ElidingLabel(2, this))
    , table_(new QTableWidget(0, 3, this))
    , rule_(new QLabel(this))
    , explainButton_(new QPushButton(tr("Explain this step"), this))
{
    runChooser_->setToolTip(tr("The optimizer whose current step is taken apart here and "
                               "drawn as arrows on the map"));
    // Long labels ("momentum lr=0.01468 momentum=0.3839") are cut, not widening the dock.
    runChooser_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    runChooser_->setMinimumContentsLength(12);
    table_->setHorizontalHeaderLabels({tr("quantity"), tr("x"), tr("y")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    rule_->setObjectName("updateRule");
    rule_->setTextFormat(Qt::RichText);
    rule_->setWordWrap(true);
    rule_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rule_->setToolTip(tr("The update rule this optimizer executes with its current parameters, "
                         "exactly as torch.optim computes it, and the current values"));
    explainButton_->setObjectName("explainStepButton");
    explainButton_->setToolTip(
        tr("Take this optimizer's current step apart, stage by stage, on the map (E)"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(runChooser_);
    layout->addWidget(stepLabel_);
    layout->addWidget(table_, 1);
    layout->addWidget(rule_);
    layout->addWidget(explainButton_);
    updateMetrics();

    connect(runChooser_, &QComboBox::currentIndexChanged, this, [this](int run) {
        refresh();
        emit currentRunChanged(run);
    });
    connect(explainButton_, &QPushButton::clicked, this, &StepInspector::explainRequested);
}

int StepInspector::currentRun() const
{
    return runChooser_->currentIndex();
}

void StepInspector::setRuns(
    const Scene& scene, const QVector<RunSeries>& series, const QVector<int>& runEntries)
{
    scene_ = scene;
    series_ = series;
    runEntries_ = runEntries;
    QStringList labels;
    for (int entry : runEntries)
        labels << scene.optimizers.value(entry).label();
    QStringList current;
    for (int i = 0; i < runChooser_->count(); ++i)
        current << runChooser_->itemText(i);
    if (labels != current) {
        const int previous = runChooser_->currentIndex();
        const QSignalBlocker blocker(runChooser_);
        runChooser_->clear();
        for (int run = 0; run < labels.size(); ++run) {
            QPixmap swatch(14, 14);
            swatch.fill(scene.optimizers.value(runEntries[run]).colour);
            runChooser_->addItem(QIcon(swatch), labels[run]);
            runChooser_->setItemData(run, labels[run], Qt::ToolTipRole);
        }
        runChooser_->setCurrentIndex(previous >= 0 && previous < labels.size() ? previous : 0);
        emit currentRunChanged(runChooser_->currentIndex());
    }
    refresh();
}

void StepInspector::refresh()
{
    const int run = runChooser_->currentIndex();
    if (run < 0 || run >= series_.size()) {
        stepLabel_->setText(tr("No optimizer is running."));
        table_->setRowCount(0);
        rule_->clear();
        explainButton_->setEnabled(false);
        return;
    }
    const RunSeries& series = series_[run];
    const OptimizerState& state = series.state();
    QString status = tr("step %1").arg(series.stepsTaken());
    if (series.status() == RunStatus::Diverged)
        status += tr(" — diverged at step %1").arg(series.divergedAtStep());
    if (series.size() > 0)
        status += QChar(QChar::LineSeparator)
            + tr("at (%1, %2), loss %3")
                  .arg(numberText(series.x().last()), numberText(series.y().last()),
                      numberText(series.loss().last()));
    stepLabel_->setText(status);

    table_->setRowCount(0);
    for (const auto& [name, vector] : state.vectors) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto* label = new QTableWidgetItem(QString::fromStdString(name));
        label->setToolTip(describe(QString::fromStdString(name)));
        table_->setItem(row, 0, label);
        for (int axis = 0; axis < 2 && axis < vector.size(); ++axis)
            table_->setItem(row, axis + 1, numberItem(vector[axis]));
    }
    for (const auto& [name, value] : state.scalars) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        table_->setItem(row, 1, numberItem(value));
    }
    explainButton_->setEnabled(true);
    const OptimizerEntry entry = scene_.optimizers.value(runEntries_.value(run));
    const OptimizerInfo* info = findOptimizer(entry.name);
    ParameterValues parameters;
    try {
        if (info)
            parameters = resolveParameters(info->parameters, entry.parameters, info->name);
    } catch (const InvalidArgument&) {
        info = nullptr; // the panels reject such values before a run starts
    }
    rule_->setText(info ? RuleTypesetter::html(entry.name, parameters, state) : QString());
}

void StepInspector::updateMetrics()
{
    // A few rows always visible: without a minimum the dock's splitter squeezed the
    // table to one or two rows under the rule.
    const int rowHeight = table_->verticalHeader()->defaultSectionSize();
    const int header = table_->horizontalHeader()->sizeHint().height();
    table_->setMinimumHeight(
        header + minimumVisibleRows * rowHeight + 2 * table_->frameWidth() + 2);
}

void StepInspector::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QWidget::changeEvent(event);
}

} // namespace optviz
