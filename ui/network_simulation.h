#pragma once

#include "core/network/dataset.h"
#include "core/network/network_objective.h"
#include "core/network/trainer.h"
#include "scene.h"

#include <memory>
#include <vector>

namespace optviz {

// What a trained network predicts, for the decision-boundary panels. Classification: a
// columns × rows lattice over the picture's view (row-major, row 0 at yMin, corners on
// the lattice points as SurfaceGrid's), each value P(class 1) for two classes, or for k
// classes the predicted class c plus its probability p scaled into [c, c + 1):
// c + (p − 1/k)/(1 − 1/k)·0.999, so that one number carries both the colour and the
// confidence. Regression: the model's curve ŷ(t).
struct ModelPicture
{
    std::vector<double> map;
    std::vector<double> curveX;
    std::vector<double> curveY;
    bool isEmpty() const { return map.empty() && curveX.empty(); }
};

// The runs of a network scene: the data split, the network, and one Trainer per enabled
// optimizer, all from the same initial weights, built exactly as `optviz-cli train`
// builds them (same seeds, same data, same numbers). Shared by the window's worker
// thread, `optviz-cli render` and the tests. Not thread-safe (the objectives keep their
// passes' buffers): one thread at a time.
class NetworkSimulation
{
public:
    // Throws InvalidArgument for settings the window does not train (bad layers, a loss
    // that does not fit the data, an optimizer the network cannot serve), naming the
    // setting and what is accepted.
    explicit NetworkSimulation(const NetworkSettings& settings);

    const NetworkSettings& settings() const { return settings_; }
    const NetworkObjective& trainObjective() const { return *train_; }
    const NetworkObjective& testObjective() const { return *test_; }
    const Mlp& network() const { return train_->network(); }
    Loss loss() const { return train_->loss(); }
    const Vector& start() const { return start_; }
    bool isClassification() const { return train_->data().isClassification(); }
    int classCount() const { return train_->data().classCount; }

    int runCount() const { return int(trainers_.size()); }
    Trainer& trainer(int run) { return *trainers_[std::size_t(run)]; }
    const Trainer& trainer(int run) const { return *trainers_[std::size_t(run)]; }
    // The settings' optimizer index of a run (disabled optimizers have no run).
    int entryOf(int run) const { return entries_[std::size_t(run)]; }
    long long stepsPerEpoch() const;

    bool isRunning() const;
    // Up to `steps` more steps of every running trainer; true while any runs.
    bool advanceSteps(long long steps);
    void runToEnd();

    // The region the decision-boundary panels show: every sample of both sets with a
    // margin, a square for two inputs (so circles look round); for regression the t
    // range and the targets' range.
    ViewRect pictureView() const;
    // What run `run` predicts now, on a `resolution` × `resolution` lattice over
    // pictureView() (classification) or at `resolution` points of t (regression).
    // Allocates (NetworkObjective::predict): not for the step loop.
    ModelPicture picture(int run, int resolution) const;

    // The lattice size of picture(): fine enough for a smooth boundary on a projector,
    // coarse enough to predict in about a millisecond for the default network.
    static constexpr int pictureResolution = 72;

private:
    NetworkSettings settings_;
    std::unique_ptr<NetworkObjective> train_;
    std::unique_ptr<NetworkObjective> test_;
    Vector start_;
    std::vector<std::unique_ptr<Trainer>> trainers_;
    std::vector<int> entries_;
};

// The network in one line, as the panels show it: "2-16-16-1 tanh · 337 parameters ·
// loss bce".
std::string describeNetwork(const NetworkSimulation& simulation);

} // namespace optviz
