#include "network_panel.h"

#include "core/network/activation.h"
#include "core/network/dataset.h"
#include "core/network/loss.h"
#include "translation.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace optviz {

namespace {

QString tip(const DatasetInfo& info, std::string_view parameter)
{
    const ParameterSpec* spec = findParameter(info.parameters, parameter);
    return spec ? coreText(spec->meaning) + "; " + rangeText(*spec) : QString();
}

} // namespace

NetworkPanel::NetworkPanel(QWidget* parent)
    : QWidget(parent)
    , settings_(NetworkSettings::defaultSettings())
{
    setObjectName("networkPanel");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* dataGroup = new QGroupBox(tr("Data"), this);
    dataForm_ = new QFormLayout(dataGroup);
    datasetBox_ = new QComboBox(dataGroup);
    for (const DatasetInfo& info : datasetCatalog()) {
        datasetBox_->addItem(QString::fromStdString(info.name), QString::fromStdString(info.name));
        datasetBox_->setItemData(datasetBox_->count() - 1,
            coreText(info.definition)
                + (info.task == Task::Regression ? tr(" (regression)") : tr(" (classification)")),
            Qt::ToolTipRole);
    }
    samplesBox_ = new QSpinBox(dataGroup);
    samplesBox_->setRange(4, NetworkSettings::maxSamples);
    samplesBox_->setSingleStep(50);
    noiseBox_ = new QDoubleSpinBox(dataGroup);
    noiseBox_->setRange(0.0, 10.0);
    noiseBox_->setDecimals(2);
    noiseBox_->setSingleStep(0.05);
    classesBox_ = new QSpinBox(dataGroup);
    testFractionBox_ = new QDoubleSpinBox(dataGroup);
    testFractionBox_->setRange(0.0, 0.9);
    testFractionBox_->setDecimals(2);
    testFractionBox_->setSingleStep(0.05);
    seedBox_ = new QSpinBox(dataGroup);
    seedBox_->setRange(0, INT_MAX);
    seedBox_->setToolTip(tr("One seed for the samples, the split, the initial weights and the "
                            "mini-batch order (as optviz-cli train --seed)"));
    dataForm_->addRow(tr("Data set"), datasetBox_);
    dataForm_->addRow(tr("Samples"), samplesBox_);
    dataForm_->addRow(tr("Noise"), noiseBox_);
    dataForm_->addRow(tr("Classes"), classesBox_);
    dataForm_->addRow(tr("Test fraction"), testFractionBox_);
    dataForm_->addRow(tr("Seed"), seedBox_);
    layout->addWidget(dataGroup);

    auto* network = new QGroupBox(tr("Network"), this);
    auto* networkForm = new QFormLayout(network);
    layersEdit_ = new QLineEdit(network);
    layersEdit_->setToolTip(tr("Hidden-layer widths, comma-separated (e.g. 16,16), or none for "
                               "logistic or linear regression; press Enter to apply"));
    layersProblem_ = new QLabel(network);
    layersProblem_->setWordWrap(true);
    layersProblem_->setStyleSheet(QStringLiteral("color: #b03000;"));
    layersProblem_->hide();
    activationBox_ = new QComboBox(network);
    for (Activation activation : activations()) {
        activationBox_->addItem(QString::fromStdString(activationName(activation)),
            QString::fromStdString(activationName(activation)));
        activationBox_->setItemData(activationBox_->count() - 1,
            coreText(activationDefinition(activation)), Qt::ToolTipRole);
    }
    lossBox_ = new QComboBox(network);
    lossBox_->addItem(tr("auto"), QStringLiteral("auto"));
    for (Loss loss : losses()) {
        lossBox_->addItem(
            QString::fromStdString(lossName(loss)), QString::fromStdString(lossName(loss)));
        lossBox_->setItemData(
            lossBox_->count() - 1, coreText(lossDefinition(loss)), Qt::ToolTipRole);
    }
    networkForm->addRow(tr("Hidden layers"), layersEdit_);
    networkForm->addRow(layersProblem_);
    networkForm->addRow(tr("Activation"), activationBox_);
    networkForm->addRow(tr("Loss"), lossBox_);
    descriptionLabel_ = new QLabel(network);
    descriptionLabel_->setWordWrap(true);
    networkForm->addRow(descriptionLabel_);
    layout->addWidget(network);

    auto* training = new QGroupBox(tr("Training"), this);
    auto* trainingForm = new QFormLayout(training);
    epochsBox_ = new QSpinBox(training);
    epochsBox_->setRange(1, NetworkSettings::maxEpochs);
    epochsBox_->setSingleStep(50);
    batchBox_ = new QSpinBox(training);
    batchBox_->setSpecialValueText(tr("full batch"));
    batchBox_->setToolTip(tr("Samples per step, in shuffled mini-batches each epoch; full batch "
                             "takes one step per epoch"));
    planeBox_ = new QComboBox(training);
    planeBox_->addItem(tr("PCA of the paths"), int(PlaneDirections::Pca));
    planeBox_->addItem(tr("random (filter-normalised)"), int(PlaneDirections::Random));
    planeBox_->setToolTip(tr("The plane through parameter space that the loss-plane view draws: "
                             "the two directions along which the optimizers moved most, or Li "
                             "et al.'s random directions scaled per neuron"));
    trainingForm->addRow(tr("Epochs"), epochsBox_);
    trainingForm->addRow(tr("Batch size"), batchBox_);
    trainingForm->addRow(tr("Loss plane"), planeBox_);
    layout->addWidget(training);
    layout->addStretch(1);

    for (QSpinBox* box : {samplesBox_, classesBox_, seedBox_, epochsBox_, batchBox_}) {
        box->setKeyboardTracking(false); // typing 1000 trains once, not at 1, 10, 100
        connect(box, &QSpinBox::valueChanged, this, &NetworkPanel::edited);
    }
    for (QDoubleSpinBox* box : {noiseBox_, testFractionBox_}) {
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, &NetworkPanel::edited);
    }
    connect(datasetBox_, &QComboBox::activated, this, &NetworkPanel::onDatasetChosen);
    connect(activationBox_, &QComboBox::activated, this, &NetworkPanel::edited);
    connect(lossBox_, &QComboBox::activated, this, &NetworkPanel::edited);
    connect(planeBox_, &QComboBox::activated, this, &NetworkPanel::edited);
    connect(layersEdit_, &QLineEdit::editingFinished, this, &NetworkPanel::onLayersEdited);

    showSettings();
}

void NetworkPanel::setSettings(const NetworkSettings& settings)
{
    if (settings == settings_)
        return;
    settings_ = settings;
    showSettings();
}

void NetworkPanel::setDescription(const QString& text, bool problem)
{
    descriptionLabel_->setText(text);
    descriptionLabel_->setStyleSheet(
        problem ? QStringLiteral("color: #b03000;") : QStringLiteral("color: #555555;"));
}

void NetworkPanel::showSettings()
{
    showing_ = true;
    const DatasetInfo* info = findDataset(settings_.dataset);
    datasetBox_->setCurrentIndex(datasetBox_->findData(QString::fromStdString(settings_.dataset)));
    const auto value = [this](const char* name, double fallback) {
        const auto it = settings_.datasetParameters.find(name);
        return it == settings_.datasetParameters.end() ? fallback : it->second;
    };
    samplesBox_->setValue(int(value("samples", 200)));
    noiseBox_->setValue(value("noise", 0.1));
    testFractionBox_->setValue(value("test_fraction", 0.2));
    seedBox_->setValue(int(std::min<double>(value("seed", 1), INT_MAX)));
    const ParameterSpec* classes = info ? findParameter(info->parameters, "classes") : nullptr;
    dataForm_->setRowVisible(classesBox_, classes != nullptr);
    if (classes) {
        classesBox_->setRange(int(classes->minimum), int(classes->maximum));
        classesBox_->setValue(int(value("classes", classes->defaultValue)));
    }
    if (info) {
        datasetBox_->setToolTip(
            datasetBox_->itemData(datasetBox_->currentIndex(), Qt::ToolTipRole).toString());
        samplesBox_->setToolTip(tip(*info, "samples"));
        noiseBox_->setToolTip(tip(*info, "noise"));
        testFractionBox_->setToolTip(tip(*info, "test_fraction"));
        classesBox_->setToolTip(tip(*info, "classes"));
    }
    // A refused text stays while it is being corrected; otherwise the settings' own.
    if (!layersEdit_->hasFocus() || layersProblem_->isHidden()) {
        layersEdit_->setText(settings_.layersText());
        layersProblem_->hide();
        layersEdit_->setStyleSheet(QString());
    }
    activationBox_->setCurrentIndex(
        activationBox_->findData(QString::fromStdString(settings_.activation)));
    updateLossChoices();
    lossBox_->setCurrentIndex(lossBox_->findData(QString::fromStdString(settings_.loss)));
    epochsBox_->setValue(settings_.epochs);
    batchBox_->setRange(0, std::max(1, samplesBox_->value()));
    batchBox_->setValue(settings_.batchSize);
    planeBox_->setCurrentIndex(planeBox_->findData(int(settings_.plane)));
    showing_ = false;
}

void NetworkPanel::updateLossChoices()
{
    // What auto means here, and no classification loss for a regression data set.
    const DatasetInfo* info = findDataset(settings_.dataset);
    const bool regression = info && info->task == Task::Regression;
    const auto classes = settings_.datasetParameters.find("classes");
    const bool many = classes != settings_.datasetParameters.end() && classes->second > 2;
    lossBox_->setItemText(0, tr("auto (%1)").arg(regression ? "mse" : many ? "ce" : "bce"));
    auto* model = qobject_cast<QStandardItemModel*>(lossBox_->model());
    for (int i = 1; i < lossBox_->count(); ++i) {
        const bool fits = !regression || lossBox_->itemData(i).toString() == "mse";
        if (model && model->item(i))
            model->item(i)->setEnabled(fits);
    }
}

void NetworkPanel::onDatasetChosen(int index)
{
    const std::string name = datasetBox_->itemData(index).toString().toStdString();
    const DatasetInfo* info = findDataset(name);
    if (!info || name == settings_.dataset)
        return;
    // The sample count, split and seed carry over; noise and classes are the data set's
    // own (their scales differ from one set to the next).
    ParameterValues kept;
    for (const char* key : {"samples", "test_fraction", "seed"})
        if (const auto it = settings_.datasetParameters.find(key);
            it != settings_.datasetParameters.end())
            kept[key] = it->second;
    settings_.dataset = name;
    settings_.datasetParameters = resolveParameters(info->parameters, kept, name);
    if (info->task == Task::Regression && settings_.loss != "mse")
        settings_.loss = "auto";
    showSettings();
    emit settingsEdited(settings_);
}

void NetworkPanel::onLayersEdited()
{
    try {
        const std::vector<int> layers = NetworkSettings::parseLayers(layersEdit_->text());
        layersProblem_->hide();
        layersEdit_->setStyleSheet(QString());
        if (layers == settings_.hiddenLayers)
            return;
        settings_.hiddenLayers = layers;
        layersEdit_->setText(settings_.layersText());
        emit settingsEdited(settings_);
    } catch (const InvalidArgument& error) {
        layersProblem_->setText(QString::fromUtf8(error.what()));
        layersProblem_->show();
        layersEdit_->setStyleSheet(QStringLiteral("border: 2px solid #b03000;"));
    }
}

void NetworkPanel::edited()
{
    if (showing_)
        return;
    NetworkSettings next = settings_;
    next.datasetParameters["samples"] = samplesBox_->value();
    next.datasetParameters["noise"] = noiseBox_->value();
    next.datasetParameters["test_fraction"] = testFractionBox_->value();
    next.datasetParameters["seed"] = seedBox_->value();
    if (next.datasetParameters.count("classes"))
        next.datasetParameters["classes"] = classesBox_->value();
    next.activation = activationBox_->currentData().toString().toStdString();
    next.loss = lossBox_->currentData().toString().toStdString();
    next.epochs = epochsBox_->value();
    next.batchSize = std::min(batchBox_->value(), samplesBox_->value());
    next.plane = PlaneDirections(planeBox_->currentData().toInt());
    if (next == settings_)
        return;
    settings_ = next;
    showSettings(); // the batch-size range and what auto means follow the samples and classes
    emit settingsEdited(settings_);
}

} // namespace optviz
