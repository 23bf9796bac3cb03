#include "step_inspector.h"

#include "core/update_rules.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace optviz {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

// What each state entry is, for the row tooltips.
QString describe(const QString& name)
{
    static const QHash<QString, QString> meanings = {
        {"gradient", "the gradient the step used (after weight decay)"},
        {"update", "the move the step made: θ_new − θ_old"},
        {"effective_lr", "−update / gradient: the step size each coordinate effectively got"},
        {"momentum_buffer", "the velocity b"},
        {"exp_avg", "first moment m: running mean of gradients"},
        {"exp_avg_sq", "second moment v: running mean of squared gradients"},
        {"max_exp_avg_sq", "AMSGrad's maximum of past second moments"},
        {"square_avg", "running mean of squared gradients"},
        {"grad_avg", "running mean of gradients (centered RMSprop)"},
        {"acc_delta", "running mean of squared steps"},
        {"sum", "sum of squared gradients"},
        {"exp_inf", "infinity-norm moment u"},
        {"step_size", "each coordinate's current step size"},
        {"prev", "the previous gradient (zero after a sign flip)"},
    };
    return meanings.value(name);
}

} // namespace

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent)
    , runChooser_(new QComboBox(this))
    , stepLabel_(new QLabel(this))
    , table_(new QTableWidget(0, 3, this))
    , rule_(new QLabel(this))
{
    runChooser_->setToolTip(tr("The optimizer whose current step is taken apart here and "
                               "drawn as arrows on the map"));
    table_->setHorizontalHeaderLabels({tr("quantity"), tr("x"), tr("y")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    rule_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    rule_->setWordWrap(true);
    rule_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rule_->setToolTip(tr("The update rule this optimizer implements, exactly as torch.optim "
                         "computes it"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(runChooser_);
    layout->addWidget(stepLabel_);
    layout->addWidget(table_, 1);
    layout->addWidget(rule_);

    connect(runChooser_, &QComboBox::currentIndexChanged, this, [this](int run) {
        refresh();
        emit currentRunChanged(run);
    });
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
        return;
    }
    const RunSeries& series = series_[run];
    const OptimizerState& state = series.state();
    QString status = tr("step %1").arg(series.stepsTaken());
    if (series.status() == RunStatus::Diverged)
        status += tr(" — diverged at step %1").arg(series.divergedAtStep());
    if (series.size() > 0)
        status += tr("   at (%1, %2), loss %3")
                      .arg(number(series.x().last()), number(series.y().last()),
                          number(series.loss().last()));
    stepLabel_->setText(status);

    table_->setRowCount(0);
    for (const auto& [name, vector] : state.vectors) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto* label = new QTableWidgetItem(QString::fromStdString(name));
        label->setToolTip(describe(QString::fromStdString(name)));
        table_->setItem(row, 0, label);
        for (int axis = 0; axis < 2 && axis < vector.size(); ++axis) {
            auto* item = new QTableWidgetItem(number(vector[axis]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, axis + 1, item);
        }
    }
    for (const auto& [name, value] : state.scalars) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        auto* item = new QTableWidgetItem(number(value));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, 1, item);
    }
    const std::string name = scene_.optimizers.value(runEntries_.value(run)).name;
    rule_->setText(QString::fromUtf8(updateRule(name).data(), qsizetype(updateRule(name).size())));
}

} // namespace optviz
