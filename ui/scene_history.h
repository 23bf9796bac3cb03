#pragma once

#include "scene.h"

#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

namespace optviz {

// What one edit of a scene changed, for the Edit menu ("change lr", "move the start") and
// for merging: consecutive edits with the same non-empty key (one slider, one field) merge
// into one undo step. The view (zoom, pan) is not an edit of its own and is not named.
struct SceneEditDescription
{
    QString text;
    QString mergeKey; // empty: never merges (adding or removing an optimizer, …)
};
SceneEditDescription describeSceneEdit(const Scene& before, const Scene& after);

// The window's undo history of its scene (QUndoStack): every edit a user makes, and the
// whole-scene replacements (New, Open, a lesson), each a step of Edit ▸ Undo / Redo.
// Undo and Redo hand the scene (and its file path) back to the window through `apply`;
// what `apply` shows is never recorded again (isApplying()).
//
// The view is kept out of the history: zooming and panning are not edits, and undoing an
// edit that touched neither the view nor the surface leaves the view where the user has it.
//
// "Modified" is the stack's clean state: saving or opening marks it clean; a session
// restored with unsaved edits starts modified with nothing to undo (markModified()).
class SceneHistory : public QObject
{
    Q_OBJECT

public:
    struct State
    {
        Scene scene;
        QString path; // the scene's file; empty while untitled
        friend bool operator==(const State&, const State&) = default;
    };
    // How Undo / Redo hand a state back: `keepView` when the step changed neither the view
    // nor the surface (the window keeps the view it shows); `wholeScene` for the
    // replacements (the figure goes to the scene's own view, as when it was opened).
    struct Restore
    {
        bool keepView = true;
        bool wholeScene = false;
    };
    using Apply = std::function<void(const State& state, Restore how)>;

    // Edits of one kind closer together than this merge (a slider's drag is one step).
    static constexpr qint64 mergeIntervalMs = 1000;
    // Steps kept (two scenes each, a few kB): a whole lesson's worth of edits.
    static constexpr int maxSteps = 1000;

    explicit SceneHistory(Apply apply, QObject* parent = nullptr);

    QUndoStack* stack() const { return stack_; }

    // An edit already shown: Undo brings `before` back. Nothing is recorded when only the
    // view changed.
    void recordEdit(const State& before, const State& after);
    // A whole new scene already shown (New, Open, a lesson): one undo step named `text`,
    // after which the scene is unmodified.
    void recordReplacement(const State& before, const State& after, const QString& text);

    bool isApplying() const { return applying_; }
    bool isModified() const;
    void markSaved(); // the scene as it is now is in its file
    void markModified(); // unsaved edits with nothing to undo (a restored session)

    // Milliseconds of a monotonic clock, for merging; tests replace it.
    void setClock(std::function<qint64()> clock) { clock_ = std::move(clock); }

signals:
    // True when the scene has edits its file (or the untitled start) does not have.
    void modifiedChanged(bool modified);

private:
    class Command;
    void applyState(const State& state, Restore how);

    Apply apply_;
    std::function<qint64()> clock_;
    QUndoStack* stack_;
    bool applying_ = false;
};

} // namespace optviz
