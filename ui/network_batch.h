#pragma once

#include "core/network/trainer.h"
#include "core/surface.h"
#include "network_simulation.h"

#include <QColor>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <memory>

namespace optviz {

// The samples of a network scene as the panels draw them, with what the panels need to
// know about the task. Sent once per reset.
struct NetworkData
{
    bool classification = true;
    int classCount = 2;
    ViewRect view; // the decision-boundary panels' region (NetworkSimulation::pictureView)
    int pictureResolution = NetworkSimulation::pictureResolution;
    // Inputs (x₁, x₂), or (t, y) for regression; labels for classification.
    QVector<double> trainX, trainY, testX, testY;
    QVector<int> trainLabels, testLabels;
    QString description; // "2-16-16-1 tanh · 337 parameters · loss bce"
    int epochs = 0; // the budget
    long long stepsPerEpoch = 1;
};

// The samples and description of a simulation, for NetworkData.
std::shared_ptr<NetworkData> networkDataOf(const NetworkSimulation& simulation);

// New epochs of one run, as the worker sends them to the UI thread.
struct NetworkRunChunk
{
    int run = 0; // index among the settings' enabled optimizers
    QVector<EpochRecord> records; // the rows since the last batch
    RunStatus status = RunStatus::Running;
    int epochsDone = 0;
    int divergedAtEpoch = -1;
    std::shared_ptr<const ModelPicture> picture; // null: unchanged since the last batch
};

// One batch of new epochs for all runs. `reset` means "forget what you have": the runs
// of new settings or of a reset, with the samples in `data`; `generation` the settings
// change it belongs to (the UI drops batches of older generations).
struct NetworkBatch
{
    quint64 generation = 0;
    bool reset = false;
    std::shared_ptr<const NetworkData> data; // reset batches only
    QVector<NetworkRunChunk> chunks;
};

// One run as the network figure draws it.
struct NetworkRunView
{
    QString label; // "adam lr=0.01"
    QColor colour;
    QVector<EpochRecord> history; // row 0 is the untrained network
    std::shared_ptr<const ModelPicture> picture;
    RunStatus status = RunStatus::Running;
    int epochsDone = 0;
    int divergedAtEpoch = -1;
};

// The runs of a finished simulation as the figure draws them (render, exports, tests).
QVector<NetworkRunView> runViewsOf(const NetworkSimulation& simulation);

} // namespace optviz

Q_DECLARE_METATYPE(optviz::NetworkBatch)
