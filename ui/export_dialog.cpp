#include "export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace optviz {

ExportDialog::ExportDialog(const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , path_(new QLineEdit(suggestedPath, this))
    , panels_(new QComboBox(this))
    , width_(new QSpinBox(this))
    , height_(new QSpinBox(this))
    , scale_(new QComboBox(this))
{
    setWindowTitle(tr("Export figure"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    path_->setToolTip(tr("The file to write: .png, .svg or .pdf"));

    panels_->addItem(tr("Surface and loss"), int(Figure::Panels::SurfaceAndLoss));
    panels_->addItem(tr("Surface only"), int(Figure::Panels::SurfaceOnly));
    panels_->addItem(tr("Loss only"), int(Figure::Panels::LossOnly));
    panels_->setToolTip(tr("Which panels the figure shows"));
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(200, 8000);
        box->setSuffix(tr(" px"));
    }
    width_->setValue(1600);
    height_->setValue(900);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(height_);
    scale_->addItem(tr("1×"), 1.0);
    scale_->addItem(tr("2× (sharp on high-density screens)"), 2.0);
    scale_->addItem(tr("3×"), 3.0);
    scale_->setCurrentIndex(1);
    scale_->setToolTip(tr("PNG only: pixels per figure unit; SVG and PDF are vector graphics"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Show:"), panels_);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("PNG scale:"), scale_);
    form->addRow(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateScaleEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateScaleEnabled();
}

QString ExportDialog::path() const
{
    return path_->text().trimmed();
}

Figure::Panels ExportDialog::panels() const
{
    return Figure::Panels(panels_->currentData().toInt());
}

QSize ExportDialog::size() const
{
    return {width_->value(), height_->value()};
}

double ExportDialog::scale() const
{
    return scale_->isEnabled() ? scale_->currentData().toDouble() : 1.0;
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export figure"), path(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!chosen.isEmpty())
        path_->setText(chosen);
}

void ExportDialog::updateScaleEnabled()
{
    scale_->setEnabled(QFileInfo(path()).suffix().compare("png", Qt::CaseInsensitive) == 0);
}

} // namespace optviz
