#include "network_batch.h"

namespace optviz {

std::shared_ptr<NetworkData> networkDataOf(const NetworkSimulation& simulation)
{
    auto data = std::make_shared<NetworkData>();
    data->classification = simulation.isClassification();
    data->classCount = simulation.classCount();
    data->view = simulation.pictureView();
    data->description = QString::fromStdString(describeNetwork(simulation));
    data->epochs = simulation.settings().epochs;
    data->stepsPerEpoch = simulation.stepsPerEpoch();
    const auto copy
        = [](const Dataset& set, QVector<double>& x, QVector<double>& y, QVector<int>& labels) {
              for (Eigen::Index s = 0; s < set.sampleCount(); ++s) {
                  x.append(set.inputs(s, 0));
                  y.append(set.inputCount() > 1 ? set.inputs(s, 1) : set.values[s]);
                  if (set.isClassification())
                      labels.append(set.labels[std::size_t(s)]);
              }
          };
    copy(simulation.trainObjective().data(), data->trainX, data->trainY, data->trainLabels);
    copy(simulation.testObjective().data(), data->testX, data->testY, data->testLabels);
    return data;
}

QVector<NetworkRunView> runViewsOf(const NetworkSimulation& simulation)
{
    QVector<NetworkRunView> views;
    for (int run = 0; run < simulation.runCount(); ++run) {
        const Trainer& trainer = simulation.trainer(run);
        const OptimizerEntry& entry = simulation.settings().optimizers[simulation.entryOf(run)];
        NetworkRunView view;
        view.label = entry.label();
        view.colour = entry.colour;
        view.history = QVector<EpochRecord>(trainer.history().begin(), trainer.history().end());
        view.picture = std::make_shared<const ModelPicture>(
            simulation.picture(run, NetworkSimulation::pictureResolution));
        view.status = trainer.status();
        view.epochsDone = trainer.history().empty() ? 0 : trainer.history().back().epoch;
        view.divergedAtEpoch = trainer.divergedAtEpoch();
        views.append(view);
    }
    return views;
}

} // namespace optviz
