#pragma once

#include "figure.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace optviz {

// Asks where and how to export the figure: file (PNG, SVG or PDF by extension), which
// panels (surface and loss, or either alone), pixel size and, for PNG, the scale (1×, 2×,
// 3× for slides on high-density screens).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const QString& suggestedPath, QWidget* parent = nullptr);

    QString path() const;
    Figure::Panels panels() const;
    QSize size() const;
    double scale() const;

private:
    void browse();
    void updateScaleEnabled();

    QLineEdit* path_;
    QComboBox* panels_;
    QSpinBox* width_;
    QSpinBox* height_;
    QComboBox* scale_;
};

} // namespace optviz
