#pragma once

#include "optimizer_card.h"
#include "scene.h"

#include <QIcon>
#include <QList>
#include <QWidget>

#include <string>

class QLabel;
class QMenu;
class QScrollArea;
class QPushButton;
class QVBoxLayout;

namespace optviz {

// The optimizers of a scene as a scrolling column of cards, with "Add optimizer ▾"
// above. Edits a copy of the scene and emits it whole: setScene() fills the cards
// without emitting; every user edit emits sceneEdited() (continuously while a slider
// is dragged). Cards are rebuilt only when the list's shape changes (count or names);
// otherwise they are updated in place, so a slider under the mouse survives the
// window handing the edited scene back.
class OptimizerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OptimizerPanel(QWidget* parent = nullptr);

    void setScene(const Scene& scene);
    const Scene& scene() const { return scene_; }

    // The run status of optimizer `optimizerIndex` ("diverged at step 12"); empty text
    // clears it.
    void setRunStatus(int optimizerIndex, const QString& text,
        OptimizerCard::StatusTone tone = OptimizerCard::StatusTone::Warning);
    void clearRunStatus();

    // As the menu's items, the cards' duplicate and remove buttons do; each emits.
    void addOptimizer(const std::string& name);
    void duplicateOptimizer(int index);
    void removeOptimizer(int index);

    int cardCount() const { return int(cards_.size()); }
    OptimizerCard* card(int index) const { return cards_.value(index); }
    QPushButton* addButton() const { return addButton_; }
    QScrollArea* scrollArea() const { return scrollArea_; }

    // The cards' width plus the scroll bar: a dock never clips the cards sideways.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void sceneEdited(const optviz::Scene& scene);

protected:
    void changeEvent(QEvent* event) override;

private:
    QIcon addIcon() const;
    void rebuildCards();
    void onEntryChanged(OptimizerCard* card, const OptimizerEntry& entry);
    void updateLimits();
    bool sameShape(const Scene& scene) const;

    Scene scene_;
    QList<OptimizerCard*> cards_;
    QPushButton* addButton_ = nullptr;
    QMenu* addMenu_ = nullptr;
    QLabel* countLabel_ = nullptr;
    QLabel* emptyLabel_ = nullptr;
    QScrollArea* scrollArea_ = nullptr;
    QWidget* cardHolder_ = nullptr;
    QVBoxLayout* cardLayout_ = nullptr;
};

} // namespace optviz
