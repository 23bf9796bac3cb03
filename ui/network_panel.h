#pragma once

#include "scene.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace optviz {

// The network workspace's settings, in three groups:
//   Data      data set [moons ▾], samples, noise, classes (blobs, spirals), test fraction, seed
//   Network   hidden layers [16,16], activation [tanh ▾], loss [auto (bce) ▾]
//   Training  epochs, batch size [full batch], loss plane [PCA of the paths ▾]
// setSettings() shows settings without emitting; every edit emits settingsEdited() with
// the whole settings (the optimizers untouched). A hidden-layer text that does not parse
// is shown in red with the reason and not emitted.
class NetworkPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NetworkPanel(QWidget* parent = nullptr);

    void setSettings(const NetworkSettings& settings);
    const NetworkSettings& settings() const { return settings_; }
    // The network as built ("2-16-16-1 tanh · 337 parameters · loss bce"), or why it
    // could not be (shown in red).
    void setDescription(const QString& text, bool problem = false);

    // The parts, for tests.
    QComboBox* datasetBox() const { return datasetBox_; }
    QSpinBox* samplesBox() const { return samplesBox_; }
    QDoubleSpinBox* noiseBox() const { return noiseBox_; }
    QSpinBox* classesBox() const { return classesBox_; }
    QDoubleSpinBox* testFractionBox() const { return testFractionBox_; }
    QSpinBox* seedBox() const { return seedBox_; }
    QLineEdit* layersEdit() const { return layersEdit_; }
    QComboBox* activationBox() const { return activationBox_; }
    QComboBox* lossBox() const { return lossBox_; }
    QSpinBox* epochsBox() const { return epochsBox_; }
    QSpinBox* batchBox() const { return batchBox_; }
    QComboBox* planeBox() const { return planeBox_; }
    QLabel* descriptionLabel() const { return descriptionLabel_; }
    QLabel* layersProblem() const { return layersProblem_; }

signals:
    void settingsEdited(const optviz::NetworkSettings& settings);

private:
    void showSettings();
    void edited();
    void onDatasetChosen(int index);
    void onLayersEdited();
    void updateLossChoices();

    NetworkSettings settings_;
    bool showing_ = false; // setSettings() is filling the controls: do not emit

    QComboBox* datasetBox_ = nullptr;
    QSpinBox* samplesBox_ = nullptr;
    QDoubleSpinBox* noiseBox_ = nullptr;
    QSpinBox* classesBox_ = nullptr;
    QDoubleSpinBox* testFractionBox_ = nullptr;
    QSpinBox* seedBox_ = nullptr;
    QLineEdit* layersEdit_ = nullptr;
    QLabel* layersProblem_ = nullptr;
    QComboBox* activationBox_ = nullptr;
    QComboBox* lossBox_ = nullptr;
    QSpinBox* epochsBox_ = nullptr;
    QSpinBox* batchBox_ = nullptr;
    QComboBox* planeBox_ = nullptr;
    QLabel* descriptionLabel_ = nullptr;
    QFormLayout* dataForm_ = nullptr;
};

} // namespace optviz
