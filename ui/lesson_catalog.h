#pragma once

#include "scene.h"

#include <QList>
#include <QString>

namespace optviz {

// A built-in lesson: a scene file under resources/lessons/ (compiled in as ":/lessons/…")
// whose "title" and "text" say what to look at and what to try.
struct Lesson
{
    QString path; // ":/lessons/01-learning-rate.json"
    Scene scene;

    // In the window's language (ui/translation.h): the scene file's translation if it has
    // one; scene.title stays the English title, which names the lesson (lessonIndex).
    QString title() const;
    QString text() const;
    // The first paragraph of the text: the one line a list of lessons shows.
    QString summary() const;
};

// Every built-in lesson in file-name order, loaded once. A lesson that does not load is
// left out with a warning (the tests make sure none is).
const QList<Lesson>& builtInLessons();

// The index of the built-in lesson whose scene has this title, or −1.
int lessonIndex(const QString& title);

// A lesson text (plain text, paragraphs separated by blank lines) as HTML: paragraphs,
// with the lead-ins "Look at:" and "Try:" (or their translations) in bold.
QString lessonHtml(const QString& text);

} // namespace optviz
