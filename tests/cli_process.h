#pragma once

// Running optviz-cli (or another program) as a child process, for the tests of the
// command line: its exit status and what it printed.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace optviz::testing {

struct ProcessResult
{
    int exitCode = -1; // −1: crashed, or killed after the timeout
    QByteArray out;
    QByteArray err;
};

// Runs `program` with `arguments` and its standard input closed (a program that waits
// for input fails rather than hangs); kills it after two minutes.
inline ProcessResult runProcess(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    ProcessResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// optviz-cli, as built with the tests (OPTVIZ_CLI_PATH).
inline ProcessResult runCli(const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    return runProcess(QStringLiteral(OPTVIZ_CLI_PATH), arguments, environment);
}

// The lines of `text`, without the empty one after its final line break.
inline QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> result = text.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

// True if `text` is exactly what %.17g prints for the double it denotes (the spec's
// number format: every double round-trips).
inline bool isSeventeenDigits(const QByteArray& text)
{
    const double value = text.toDouble();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return text == QByteArray(buffer);
}

} // namespace optviz::testing
