#include "scene_history.h"

#include <QElapsedTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace optviz {

namespace {

// The one parameter that differs between `a` and `b`, or empty when none or several do.
std::string onlyChangedParameter(const ParameterValues& a, const ParameterValues& b)
{
    std::string changed;
    for (const auto& [name, value] : b) {
        const auto old = a.find(name);
        if (old != a.end() && old->second == value)
            continue;
        if (!changed.empty())
            return {};
        changed = name;
    }
    for (const auto& [name, value] : a)
        if (!b.contains(name))
            return {};
    return changed;
}

QString quoted(const std::string& name)
{
    return QString::fromStdString(name);
}

// The scene without its view: what the history compares.
bool sameButView(const Scene& a, const Scene& b)
{
    Scene withView = b;
    withView.view = a.view;
    return a == withView;
}

SceneEditDescription describeOptimizerEdit(
    const QList<OptimizerEntry>& before, const QList<OptimizerEntry>& after, const QString& scope)
{
    if (after.size() > before.size())
        return {SceneHistory::tr("add %1").arg(quoted(after.last().name)), {}};
    if (after.size() < before.size()) {
        for (int i = 0; i < after.size(); ++i)
            if (!(before[i] == after[i]))
                return {SceneHistory::tr("remove %1").arg(quoted(before[i].name)), {}};
        return {SceneHistory::tr("remove %1").arg(quoted(before.last().name)), {}};
    }
    for (int i = 0; i < after.size(); ++i) {
        const OptimizerEntry& a = before[i];
        const OptimizerEntry& b = after[i];
        if (a == b)
            continue;
        const QString key = QStringLiteral("%1:%2:").arg(scope).arg(i);
        if (a.name != b.name)
            return {SceneHistory::tr("change %1 to %2").arg(quoted(a.name), quoted(b.name)), {}};
        if (a.enabled != b.enabled)
            return {b.enabled ? SceneHistory::tr("show %1").arg(quoted(b.name))
                              : SceneHistory::tr("hide %1").arg(quoted(b.name)),
                {}};
        if (a.parameters != b.parameters) {
            const std::string name = onlyChangedParameter(a.parameters, b.parameters);
            if (!name.empty())
                return {SceneHistory::tr("change %1").arg(quoted(name)),
                    key + QString::fromStdString(name)};
            return {SceneHistory::tr("change %1's parameters").arg(quoted(b.name)), {}};
        }
        if (a.schedule != b.schedule)
            return {SceneHistory::tr("change the schedule"), {}};
        if (a.scheduleParameters != b.scheduleParameters) {
            const std::string name
                = onlyChangedParameter(a.scheduleParameters, b.scheduleParameters);
            if (!name.empty())
                return {SceneHistory::tr("change %1").arg(quoted(name)),
                    key + QStringLiteral("schedule:") + QString::fromStdString(name)};
            return {SceneHistory::tr("change the schedule"), {}};
        }
        if (a.colour != b.colour)
            return {SceneHistory::tr("change the colour"), key + QStringLiteral("colour")};
    }
    return {SceneHistory::tr("reorder the optimizers"), {}};
}

} // namespace

SceneEditDescription describeSceneEdit(const Scene& before, const Scene& after)
{
    if (before.network.has_value() != after.network.has_value())
        return {after.network ? SceneHistory::tr("show the network")
                              : SceneHistory::tr("show the surfaces"),
            {}};
    if (before.surface != after.surface)
        return {SceneHistory::tr("change the surface"), {}};
    if (before.expression != after.expression)
        return {SceneHistory::tr("change the formula"), QStringLiteral("expression")};
    if (before.surfaceParameters != after.surfaceParameters) {
        const std::string name
            = onlyChangedParameter(before.surfaceParameters, after.surfaceParameters);
        if (!name.empty())
            return {SceneHistory::tr("change %1").arg(quoted(name)),
                QStringLiteral("surface:") + QString::fromStdString(name)};
        return {SceneHistory::tr("change the surface"), {}};
    }
    if (!(before.optimizers == after.optimizers))
        return describeOptimizerEdit(before.optimizers, after.optimizers, "optimizer");
    if (before.start != after.start)
        return {SceneHistory::tr("move the start"), QStringLiteral("start")};
    if (before.steps != after.steps)
        return {SceneHistory::tr("change the step budget"), QStringLiteral("steps")};
    if (!(before.gradient == after.gradient))
        return {SceneHistory::tr("change the gradient settings"), QStringLiteral("gradient")};
    if (before.layout != after.layout)
        return {SceneHistory::tr("change the layout"), {}};
    if (before.lossMeasure != after.lossMeasure)
        return {SceneHistory::tr("change the plotted measure"), {}};
    if (before.title != after.title || before.text != after.text
        || before.translations != after.translations)
        return {SceneHistory::tr("change the lesson text"), QStringLiteral("lesson")};
    if (before.network && after.network && !(*before.network == *after.network)) {
        if (!(before.network->optimizers == after.network->optimizers))
            return describeOptimizerEdit(
                before.network->optimizers, after.network->optimizers, "network");
        return {SceneHistory::tr("change the network settings"), QStringLiteral("network")};
    }
    return {SceneHistory::tr("edit"), {}};
}

// One step of the history: the state before and after an edit or a replacement. The
// window has already shown `after` when the command is pushed, so its first redo() (from
// QUndoStack::push) does nothing.
class SceneHistory::Command : public QUndoCommand
{
public:
    Command(SceneHistory* history, State before, State after, const QString& text, QString mergeKey,
        bool wholeScene, qint64 time)
        : QUndoCommand(text)
        , history_(history)
        , before_(std::move(before))
        , after_(std::move(after))
        , mergeKey_(std::move(mergeKey))
        , wholeScene_(wholeScene)
        , time_(time)
    {
    }

    int id() const override { return mergeKey_.isEmpty() ? -1 : 1; }

    bool mergeWith(const QUndoCommand* other) override
    {
        // Same id: another Command. It merges when it edits the same thing soon after.
        const auto* next = static_cast<const Command*>(other);
        if (next->mergeKey_ != mergeKey_ || next->time_ - time_ > mergeIntervalMs
            || next->time_ < time_)
            return false;
        after_ = next->after_;
        time_ = next->time_;
        // A drag that came back where it started is no step at all.
        setObsolete(before_.path == after_.path && sameButView(before_.scene, after_.scene));
        return true;
    }

    void undo() override { history_->applyState(before_, restore()); }

    void redo() override
    {
        if (shown_)
            shown_ = false;
        else
            history_->applyState(after_, restore());
    }

private:
    Restore restore() const
    {
        // A zoom belongs to its surface: a step that changed the surface brings its view.
        const bool keepView = before_.scene.view == after_.scene.view
            && before_.scene.sameSurface(after_.scene) && !wholeScene_;
        return {keepView, wholeScene_};
    }

    SceneHistory* history_;
    State before_;
    State after_;
    QString mergeKey_;
    bool wholeScene_;
    qint64 time_;
    bool shown_ = true; // `after` is on screen when the command is pushed
};

SceneHistory::SceneHistory(Apply apply, QObject* parent)
    : QObject(parent)
    , apply_(std::move(apply))
    , stack_(new QUndoStack(this))
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    clock_ = [clock] { return clock->elapsed(); };
    stack_->setUndoLimit(maxSteps);
    connect(stack_, &QUndoStack::cleanChanged, this,
        [this](bool clean) { emit modifiedChanged(!clean); });
}

void SceneHistory::recordEdit(const State& before, const State& after)
{
    if (applying_ || (before.path == after.path && sameButView(before.scene, after.scene)))
        return;
    const SceneEditDescription description = describeSceneEdit(before.scene, after.scene);
    stack_->push(
        new Command(this, before, after, description.text, description.mergeKey, false, clock_()));
}

void SceneHistory::recordReplacement(const State& before, const State& after, const QString& text)
{
    if (applying_)
        return;
    if (!(before == after)) // Restart of a lesson as it was: nothing to undo
        stack_->push(new Command(this, before, after, text, {}, true, clock_()));
    stack_->setClean();
}

bool SceneHistory::isModified() const
{
    return !stack_->isClean();
}

void SceneHistory::markSaved()
{
    stack_->setClean();
}

void SceneHistory::markModified()
{
    stack_->resetClean();
}

void SceneHistory::applyState(const State& state, Restore how)
{
    applying_ = true;
    apply_(state, how);
    applying_ = false;
}

} // namespace optviz
