// Typed surfaces (core/expression): the parser against hand-computed values and error
// positions, the derivatives against the built-in surfaces' exact ones and against
// finite differences, the grid against single evaluations, and the formula through the
// CLI, the scene file and the surface panel.

#include "core/expression/expression_parser.h"
#include "core/expression/expression_program.h"
#include "core/expression/expression_surface.h"
#include "core/random.h"
#include "core/surface.h"
#include "core/surface_grid.h"
#include "ui/scene.h"
#include "ui/surface_panel.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

using namespace optviz;

Q_DECLARE_METATYPE(optviz::ParameterValues)

namespace {

double evaluate(const std::string& formula, double x = 0.0, double y = 0.0)
{
    return ExpressionSurface(formula).value2(x, y);
}

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliResult runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(OPTVIZ_CLI_PATH), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// |a − b| within `relative` of the larger of |b| and `floor`: relative where the truth is
// large, absolute near zero (a gradient component that vanishes at a point).
bool close(double a, double b, double relative, double floor)
{
    return std::abs(a - b) <= relative * std::max(std::abs(b), floor);
}

// Fourth-order central difference of t ↦ f(t) at 0 (as tst_surfaces).
template<typename F> double centralDifference(F f, double h)
{
    return (8.0 * (f(h) - f(-h)) - (f(2.0 * h) - f(-2.0 * h))) / (12.0 * h);
}

// A random formula of the grammar, for the grid-versus-point and the robustness checks.
std::string randomFormula(Random& random, int depth)
{
    static const char* const leaves[] = {"x", "y", "2", "0.5", "pi", "e", "1e-1", "3"};
    static const char* const functions[]
        = {"sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan"};
    static const char* const operators[] = {" + ", " - ", "*", "/", "^"};
    if (depth <= 0 || random.below(4) == 0)
        return leaves[random.below(std::size(leaves))];
    switch (random.below(4)) {
    case 0:
        return std::string(functions[random.below(std::size(functions))]) + "("
            + randomFormula(random, depth - 1) + ")";
    case 1:
        return "-" + randomFormula(random, depth - 1);
    case 2:
        return "(" + randomFormula(random, depth - 1) + ")";
    default:
        return randomFormula(random, depth - 1) + operators[random.below(std::size(operators))]
            + randomFormula(random, depth - 1);
    }
}

} // namespace

class TestExpression : public QObject
{
    Q_OBJECT

private slots:
    void numbersAndConstants_data();
    void numbersAndConstants();
    void precedenceAndAssociativity_data();
    void precedenceAndAssociativity();
    void functionsMatchTheStandardLibrary_data();
    void functionsMatchTheStandardLibrary();
    void errorsNameThePosition_data();
    void errorsNameThePosition();
    void limitsRefuseHostileInput();
    void deepButLegalFormulasStayShallow();

    void derivativesMatchBuiltInSurfaces_data();
    void derivativesMatchBuiltInSurfaces();
    void derivativesMatchHandComputedValues();
    void derivativesMatchFiniteDifferences_data();
    void derivativesMatchFiniteDifferences();
    void domainErrorsAreNaN();
    void constantsAreFolded();
    void gridEqualsPointValuesBitForBit();

    void catalogueOffersTheTypedSurface();
    void cliRunMatchesBuiltInSurface();
    void cliRefusesBadFormulas_data();
    void cliRefusesBadFormulas();
    void cliRendersAndSavesTheFormula();
    void sceneRoundTripsTheFormula();
    void sceneRefusesBadFormulas_data();
    void sceneRefusesBadFormulas();
    void panelEditsTheFormula();
};

// ---------------------------------------------------------------------------- parser

void TestExpression::numbersAndConstants_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("expected");
    QTest::newRow("integer") << "1" << 1.0;
    QTest::newRow("decimal") << "1.5" << 1.5;
    QTest::newRow("leading point") << ".5" << 0.5;
    QTest::newRow("trailing point") << "2." << 2.0;
    QTest::newRow("exponent") << "1e-3" << 0.001;
    QTest::newRow("capital exponent with sign") << "2E+4" << 20000.0;
    QTest::newRow("decimal exponent") << "1.25e2" << 125.0;
    QTest::newRow("tenth is the double 0.1") << "0.1" << 0.1;
    QTest::newRow("spaces and tabs") << " \t 3 \t" << 3.0;
    QTest::newRow("pi") << "pi" << std::numbers::pi;
    QTest::newRow("e") << "e" << std::numbers::e;
    QTest::newRow("tiny underflows to a number") << "1e-310" << 1e-310;
}

void TestExpression::numbersAndConstants()
{
    QFETCH(QString, formula);
    QFETCH(double, expected);
    QCOMPARE(evaluate(formula.toStdString()), expected);
}

void TestExpression::precedenceAndAssociativity_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("expected"); // by hand
    QTest::newRow("product before sum") << "1 + 2*3" << 0.0 << 0.0 << 7.0;
    QTest::newRow("power before product") << "2*3^2" << 0.0 << 0.0 << 18.0;
    QTest::newRow("power is right-associative") << "2^3^2" << 0.0 << 0.0 << 512.0;
    QTest::newRow("difference is left-associative") << "x - y - 1" << 5.0 << 2.0 << 2.0;
    QTest::newRow("quotient is left-associative") << "x/y/2" << 8.0 << 2.0 << 2.0;
    QTest::newRow("minus binds looser than power") << "-x^2" << 3.0 << 0.0 << -9.0;
    QTest::newRow("minus of a number too") << "-2^2" << 0.0 << 0.0 << -4.0;
    QTest::newRow("parenthesised minus") << "(-x)^2" << 3.0 << 0.0 << 9.0;
    QTest::newRow("negative exponent") << "2^-1" << 0.0 << 0.0 << 0.5;
    QTest::newRow("negative exponent binds power") << "2^-x^2" << 1.0 << 0.0 << 0.5;
    QTest::newRow("minus after product") << "2*-x" << 3.0 << 0.0 << -6.0;
    QTest::newRow("double minus") << "x - -y" << 1.0 << 2.0 << 3.0;
    QTest::newRow("unary plus") << "+x + +2" << 1.0 << 0.0 << 3.0;
    QTest::newRow("minus binds tighter than product") << "-x*y" << 2.0 << 3.0 << -6.0;
    QTest::newRow("minus binds tighter than sum") << "-x + y" << 2.0 << 3.0 << 1.0;
    QTest::newRow("parentheses") << "(1 + 2)*(x - y)" << 5.0 << 1.0 << 12.0;
    QTest::newRow("nested") << "((x))*((((y))))" << 2.0 << 3.0 << 6.0;
    QTest::newRow("integer power of negative base") << "x^3" << -2.0 << 0.0 << -8.0;
    QTest::newRow("negative integer power") << "x^-2" << 2.0 << 0.0 << 0.25;
    QTest::newRow("zeroth power") << "x^0" << 7.0 << 0.0 << 1.0;
    QTest::newRow("real power") << "x^0.5" << 4.0 << 0.0 << 2.0;
    QTest::newRow("variable exponent") << "2^x" << 3.0 << 0.0 << 8.0;
    QTest::newRow("function of a sum") << "sqrt(x^2 + y^2)" << 3.0 << 4.0 << 5.0;
    QTest::newRow("power of a function") << "abs(x)^3" << -2.0 << 0.0 << 8.0;
    QTest::newRow("constants") << "2*pi - pi - pi + e - e" << 0.0 << 0.0 << 0.0;
}

void TestExpression::precedenceAndAssociativity()
{
    QFETCH(QString, formula);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, expected);
    const double value = evaluate(formula.toStdString(), x, y);
    // Exact except where exp·log or pow round (2^x, x^0.5): a few ulps.
    QVERIFY2(close(value, expected, 4e-16, 1.0),
        qPrintable(QString("%1 = %2, not %3").arg(formula).arg(value, 0, 'g', 17).arg(expected)));
}

void TestExpression::functionsMatchTheStandardLibrary_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("expected");
    const double x = 0.7;
    QTest::newRow("sin") << "sin" << x << std::sin(x);
    QTest::newRow("cos") << "cos" << x << std::cos(x);
    QTest::newRow("tan") << "tan" << x << std::tan(x);
    QTest::newRow("exp") << "exp" << x << std::exp(x);
    QTest::newRow("log") << "log" << x << std::log(x);
    QTest::newRow("sqrt") << "sqrt" << x << std::sqrt(x);
    QTest::newRow("abs") << "abs" << -x << x;
    QTest::newRow("tanh") << "tanh" << x << std::tanh(x);
    QTest::newRow("sinh") << "sinh" << x << std::sinh(x);
    QTest::newRow("cosh") << "cosh" << x << std::cosh(x);
    QTest::newRow("atan") << "atan" << x << std::atan(x);
}

void TestExpression::functionsMatchTheStandardLibrary()
{
    QFETCH(QString, name);
    QFETCH(double, x);
    QFETCH(double, expected);
    QCOMPARE(evaluate(name.toStdString() + "(x)", x), expected);
    QCOMPARE(evaluate(name.toStdString() + " ( y )", 0.0, x), expected);
    QVERIFY(std::isnan(evaluate(name.toStdString() + "(x)", std::nan(""))));
    const std::vector<std::string>& names = expressionFunctionNames();
    QVERIFY(std::find(names.begin(), names.end(), name.toStdString()) != names.end());
}

void TestExpression::errorsNameThePosition_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("says");
    QTest::newRow("unclosed call") << "sin(x" << 6 << "position 6: expected ')'";
    QTest::newRow("unclosed parenthesis") << "((x)" << 5 << "position 5: expected ')'";
    QTest::newRow("implicit product number") << "2x" << 2 << "implicit multiplication";
    QTest::newRow("implicit product names") << "x y" << 3 << "implicit multiplication";
    QTest::newRow("implicit product call") << "2(x+1)" << 2 << "write *";
    QTest::newRow("implicit product groups") << "(x+1)(x-1)" << 6 << "implicit multiplication";
    QTest::newRow("number then e") << "2e" << 2 << "implicit multiplication";
    QTest::newRow("missing operand") << "x +" << 4 << "expected a number, x, y";
    QTest::newRow("two operators") << "x +* y" << 4 << "found '*'";
    QTest::newRow("empty parentheses") << "()" << 2 << "found ')'";
    QTest::newRow("stray parenthesis") << "x)" << 2 << "found ')'";
    QTest::newRow("misspelt function") << "sn(x)" << 1 << "did you mean 'sin'";
    QTest::newRow("capital variable") << "X + 1" << 1 << "did you mean 'x'";
    QTest::newRow("product without star") << "xy" << 1 << "write x*y";
    QTest::newRow("python power") << "x ** 2" << 3 << "'**'";
    QTest::newRow("function without parentheses") << "sin x" << 5 << "expected '(' after sin";
    QTest::newRow("two arguments") << "atan(y, x)" << 7 << "one argument";
    QTest::newRow("huge number") << "x + 1e999" << 5 << "out of range";
    QTest::newRow("lone point") << "x + ." << 5 << "found '.'";
    QTest::newRow("unknown character") << "x # y" << 3 << "found '#'";
    QTest::newRow("typeset minus") << "x \u2212 y" << 3 << "write - for minus";
    QTest::newRow("typeset square") << "x\u00b2" << 2 << "write ^2";
    QTest::newRow("empty") << "" << 1 << "empty";
    QTest::newRow("blank") << "   " << 4 << "empty";
}

void TestExpression::errorsNameThePosition()
{
    QFETCH(QString, formula);
    QFETCH(int, position);
    QFETCH(QString, says);
    try {
        parseExpression(formula.toStdString());
        QFAIL("accepted");
    } catch (const ExpressionError& error) {
        const QString message = QString::fromUtf8(error.what());
        QCOMPARE(int(error.position()), position);
        QVERIFY2(message.startsWith(QString("position %1: ").arg(position)), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }
}

void TestExpression::limitsRefuseHostileInput()
{
    const auto refusal = [](const std::string& formula) -> QString {
        try {
            parseExpression(formula);
        } catch (const ExpressionError& error) {
            return QString::fromUtf8(error.what());
        }
        return QString();
    };
    // Length: 1000 characters pass, 1001 do not (and are not parsed at all).
    std::string sum = "x";
    while (sum.size() + 2 <= maxExpressionLength)
        sum += "+x";
    QVERIFY(sum.size() >= 999);
    QVERIFY(refusal(sum).isEmpty());
    QCOMPARE(evaluate(sum, 1.0), double((sum.size() + 1) / 2));
    QVERIFY(refusal(std::string(maxExpressionLength + 1, '(')).contains("at most 1000"));

    // Depth: 100 levels pass, 101 do not, whatever makes them.
    const auto nested = [](int levels, const std::string& open, const std::string& close) {
        std::string text;
        for (int i = 0; i < levels; ++i)
            text += open;
        text += "x";
        for (int i = 0; i < levels; ++i)
            text += close;
        return text;
    };
    QVERIFY(refusal(nested(100, "(", ")")).isEmpty());
    QVERIFY(refusal(nested(101, "(", ")")).startsWith("position 101: the formula nests deeper"));
    QVERIFY(refusal(nested(100, "sin(", ")")).isEmpty());
    QVERIFY(refusal(nested(101, "sin(", ")")).contains("nests deeper than 100"));
    QVERIFY(refusal(nested(100, "-", "")).isEmpty());
    QVERIFY(refusal(nested(101, "-", "")).contains("nests deeper than 100"));
    std::string tower = "x";
    for (int i = 0; i < 100; ++i)
        tower += "^x";
    QVERIFY(refusal(tower).isEmpty());
    QVERIFY(refusal(tower + "^x").contains("nests deeper than 100"));
    // Unbalanced at the limit: refused by depth before anything else.
    QVERIFY(refusal(std::string(1000, '(')).contains("nests deeper"));
    QVERIFY(refusal(std::string(999, '-') + "x").contains("nests deeper"));

    // Random formulas of every shape: parse or refuse, never crash; those that parse
    // evaluate within the fixed stack.
    Random random(7);
    int parsed = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string formula = randomFormula(random, 12);
        if (random.below(3) == 0 && !formula.empty()) // damage it
            formula[random.below(formula.size())] = "()+-*/^x.e, "[random.below(12)];
        try {
            const ExpressionSurface surface(formula);
            QVERIFY(surface.program().stackDepth() <= ExpressionProgram::maxStack);
            double gx = 0.0, gy = 0.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
            surface.valueAndGradient2(0.3, -0.7, gx, gy);
            surface.hessian2(0.3, -0.7, hxx, hxy, hyy);
            ++parsed;
        } catch (const InvalidArgument& error) {
            QVERIFY(QString::fromUtf8(error.what()).startsWith("position "));
        }
    }
    QVERIFY(parsed > 500);
}

void TestExpression::deepButLegalFormulasStayShallow()
{
    // Right-nested at the depth limit: without operand reordering each level would hold
    // a stack slot; with it the program needs a handful.
    std::string right = "x";
    for (int i = 0; i < 99; ++i)
        right = "1 + (" + right + ")";
    // A balanced tree of 2⁷ leaves needs log₂ 128 + 1 = 8 slots, however it is ordered.
    std::string leaves = "x";
    for (int i = 0; i < 7; ++i)
        leaves = "(" + leaves + ")-(" + leaves + ")";
    QVERIFY(leaves.size() <= maxExpressionLength);
    const ExpressionSurface a(right);
    QCOMPARE(a.value2(2.0, 0.0), 101.0);
    QVERIFY(a.program().stackDepth() <= 2);
    const ExpressionSurface b(leaves);
    QCOMPARE(b.value2(3.0, 0.0), 0.0);
    QCOMPARE(b.program().stackDepth(), 8);
}

// ---------------------------------------------------------------------- derivatives

void TestExpression::derivativesMatchBuiltInSurfaces_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<ParameterValues>("parameters");
    QTest::addColumn<QString>("formula");
    QTest::newRow("rosenbrock") << "rosenbrock" << ParameterValues {}
                                << "(1 - x)^2 + 100*(y - x^2)^2";
    QTest::newRow("rosenbrock a=2 b=10")
        << "rosenbrock" << ParameterValues {{"a", 2.0}, {"b", 10.0}}
        << "(2 - x)^2 + 10*(y - x^2)^2";
    QTest::newRow("himmelblau") << "himmelblau" << ParameterValues {}
                                << "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    QTest::newRow("beale") << "beale" << ParameterValues {}
                           << "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2";
    QTest::newRow("quadratic") << "quadratic" << ParameterValues {} << "0.5*(x^2 + 10*y^2)";
    QTest::newRow("quadratic rotated")
        << "quadratic"
        << ParameterValues {{"a", 2.0}, {"b", 50.0}, {"angle", 30.0}, {"cx", 1.0}, {"cy", -2.0}}
        << "0.5*(2*(cos(pi/6)*(x - 1) + sin(pi/6)*(y + 2))^2"
           " + 50*(-sin(pi/6)*(x - 1) + cos(pi/6)*(y + 2))^2)";
    QTest::newRow("saddle") << "saddle" << ParameterValues {} << "x^2 - y^2";
    QTest::newRow("booth") << "booth" << ParameterValues {} << "(x + 2*y - 7)^2 + (2*x + y - 5)^2";
    QTest::newRow("matyas") << "matyas" << ParameterValues {} << "0.26*(x^2 + y^2) - 0.48*x*y";
    QTest::newRow("six-hump camel") << "sixhump_camel" << ParameterValues {}
                                    << "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2";
    QTest::newRow("styblinski-tang") << "styblinski_tang" << ParameterValues {}
                                     << "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)";
    QTest::newRow("rastrigin") << "rastrigin" << ParameterValues {}
                               << "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)";
    QTest::newRow("ackley") << "ackley" << ParameterValues {}
                            << "-20*exp(-0.2*sqrt((x^2 + y^2)/2))"
                               " - exp((cos(2*pi*x) + cos(2*pi*y))/2) + 20 + e";
    QTest::newRow("goldstein-price")
        << "goldstein_price" << ParameterValues {}
        << "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
           "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))";
}

void TestExpression::derivativesMatchBuiltInSurfaces()
{
    QFETCH(QString, surface);
    QFETCH(ParameterValues, parameters);
    QFETCH(QString, formula);
    const auto builtIn = makeSurface(surface.toStdString(), parameters);
    const ExpressionSurface typed(formula.toStdString());
    const ViewRect view = builtIn->defaultView();

    // The scale of each quantity over the view: where a gradient component or a Hessian
    // entry crosses zero, its rounding error is relative to the terms that cancel there,
    // not to the vanishing result.
    struct Sample
    {
        double f, gx, gy, hxx, hxy, hyy;
    };
    const auto sample = [](const Surface& s, double x, double y) {
        Sample r {};
        r.f = s.valueAndGradient2(x, y, r.gx, r.gy);
        s.hessian2(x, y, r.hxx, r.hxy, r.hyy);
        return r;
    };
    Random random(20240917);
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < 300; ++i)
        points.emplace_back(
            random.uniform(view.xMin, view.xMax), random.uniform(view.yMin, view.yMax));
    Sample scale {};
    for (const auto& [x, y] : points) {
        const Sample s = sample(*builtIn, x, y);
        scale.f = std::max(scale.f, std::abs(s.f));
        scale.gx = std::max({scale.gx, std::abs(s.gx), std::abs(s.gy)});
        scale.hxx = std::max({scale.hxx, std::abs(s.hxx), std::abs(s.hxy), std::abs(s.hyy)});
    }

    constexpr double tolerance = 1e-12;
    // Relative 1e-12, except where the quantity nearly vanishes by cancellation: there
    // the bound is 1e-16 of the largest magnitude on the view, half an ulp of it.
    const double valueFloor = 1e-4 * scale.f;
    const double gradientFloor = 1e-4 * scale.gx;
    const double hessianFloor = 1e-4 * scale.hxx;
    for (const auto& [x, y] : points) {
        const Sample truth = sample(*builtIn, x, y);
        const Sample got = sample(typed, x, y);
        const QString where = QString("at (%1, %2)").arg(x, 0, 'g', 17).arg(y, 0, 'g', 17);
        QVERIFY2(close(typed.value2(x, y), truth.f, tolerance, valueFloor), qPrintable(where));
        QVERIFY2(close(got.f, truth.f, tolerance, valueFloor), qPrintable("f " + where));
        QVERIFY2(close(got.gx, truth.gx, tolerance, gradientFloor),
            qPrintable(
                QString("gx %1 vs %2 ").arg(got.gx, 0, 'g', 17).arg(truth.gx, 0, 'g', 17) + where));
        QVERIFY2(close(got.gy, truth.gy, tolerance, gradientFloor), qPrintable("gy " + where));
        QVERIFY2(close(got.hxx, truth.hxx, tolerance, hessianFloor), qPrintable("hxx " + where));
        QVERIFY2(close(got.hxy, truth.hxy, tolerance, hessianFloor), qPrintable("hxy " + where));
        QVERIFY2(close(got.hyy, truth.hyy, tolerance, hessianFloor), qPrintable("hyy " + where));
    }
}

void TestExpression::derivativesMatchHandComputedValues()
{
    // f = x²y³ + sin(xy) at (2, −1), by hand:
    //   fx = 2xy³ + y cos(xy),            fy = 3x²y² + x cos(xy)
    //   fxx = 2y³ − y² sin(xy),           fyy = 6x²y − x² sin(xy)
    //   fxy = 6xy² + cos(xy) − xy sin(xy)
    const ExpressionSurface surface("x^2*y^3 + sin(x*y)");
    const double x = 2.0, y = -1.0;
    const double c = std::cos(x * y), s = std::sin(x * y);
    double gx = 0.0, gy = 0.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
    const double f = surface.valueAndGradient2(x, y, gx, gy);
    surface.hessian2(x, y, hxx, hxy, hyy);
    QVERIFY(close(f, -4.0 + s, 1e-15, 1.0));
    QVERIFY(close(gx, 2 * x * y * y * y + y * c, 1e-15, 1.0));
    QVERIFY(close(gy, 3 * x * x * y * y + x * c, 1e-15, 1.0));
    QVERIFY(close(hxx, 2 * y * y * y - y * y * s, 1e-15, 1.0));
    QVERIFY(close(hyy, 6 * x * x * y - x * x * s, 1e-15, 1.0));
    QVERIFY(close(hxy, 6 * x * y * y + c - x * y * s, 1e-15, 1.0));

    // Through the Objective interface too: a symmetric 2 × 2 matrix.
    Vector point(2);
    point << x, y;
    Matrix hessian(2, 2);
    surface.hessian(point, hessian);
    QCOMPARE(hessian(0, 1), hessian(1, 0));
    QCOMPARE(hessian(0, 0), hxx);

    // Polynomials at integer points: every rounding is exact, so are the derivatives.
    const ExpressionSurface cubic("x^3 - 3*x*y^2");
    cubic.valueAndGradient2(2.0, 3.0, gx, gy);
    cubic.hessian2(2.0, 3.0, hxx, hxy, hyy);
    QCOMPARE(cubic.value2(2.0, 3.0), -46.0);
    QCOMPARE(gx, 3 * 4.0 - 3 * 9.0);
    QCOMPARE(gy, -6 * 2.0 * 3.0);
    QCOMPARE(hxx, 6 * 2.0);
    QCOMPARE(hxy, -6 * 3.0);
    QCOMPARE(hyy, -6 * 2.0);
}

void TestExpression::derivativesMatchFiniteDifferences_data()
{
    // Every function and operator, where the built-in surfaces do not reach them.
    QTest::addColumn<QString>("formula");
    QTest::newRow("tan") << "tan(0.2*x*y)";
    QTest::newRow("tanh") << "tanh(x - 2*y)*y";
    QTest::newRow("sinh cosh") << "sinh(0.5*x)*cosh(0.3*y)";
    QTest::newRow("atan") << "atan(x*y) + atan(x)^2";
    QTest::newRow("log") << "log(1 + x^2 + y^4)";
    QTest::newRow("sqrt") << "sqrt(1 + x^2*y^2)";
    QTest::newRow("abs") << "abs(x)*y^2 + abs(x - y + 10)";
    QTest::newRow("quotient") << "x/(2 + y^2) - y/(3 + cos(x))";
    QTest::newRow("real powers") << "(1 + x^2)^1.5 + (2 + y^2)^-0.25";
    QTest::newRow("large integer power") << "(0.5 + 0.1*x)^64 + (0.5 + 0.1*y)^65";
    QTest::newRow("variable exponent") << "(2 + sin(x))^(1 + y^2)";
    QTest::newRow("exp") << "exp(-(x^2 + y^2)/4)*x";
    QTest::newRow("negations") << "-(-x)^3 - -y";
}

void TestExpression::derivativesMatchFiniteDifferences()
{
    QFETCH(QString, formula);
    const ExpressionSurface surface(formula.toStdString());
    Random random(99);
    for (int i = 0; i < 100; ++i) {
        const double x = random.uniform(-2.5, 2.5);
        const double y = random.uniform(-2.5, 2.5);
        if (formula.startsWith("abs") && std::abs(x) < 1e-3)
            continue; // the kink
        const double h = 1e-4;
        const auto f = [&](double dx, double dy) { return surface.value2(x + dx, y + dy); };
        const auto g = [&](double dx, double dy, int component) {
            double gx = 0.0, gy = 0.0;
            surface.valueAndGradient2(x + dx, y + dy, gx, gy);
            return component == 0 ? gx : gy;
        };
        double gx = 0.0, gy = 0.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
        surface.valueAndGradient2(x, y, gx, gy);
        surface.hessian2(x, y, hxx, hxy, hyy);
        const double fdx = centralDifference([&](double t) { return f(t, 0.0); }, h);
        const double fdy = centralDifference([&](double t) { return f(0.0, t); }, h);
        const double fdxx = centralDifference([&](double t) { return g(t, 0.0, 0); }, h);
        const double fdxy = centralDifference([&](double t) { return g(0.0, t, 0); }, h);
        const double fdyx = centralDifference([&](double t) { return g(t, 0.0, 1); }, h);
        const double fdyy = centralDifference([&](double t) { return g(0.0, t, 1); }, h);
        const QString where = formula + QString(" at (%1, %2)").arg(x).arg(y);
        const double floor = 1.0 + std::abs(surface.value2(x, y));
        QVERIFY2(close(gx, fdx, 1e-7, floor), qPrintable("gx " + where));
        QVERIFY2(close(gy, fdy, 1e-7, floor), qPrintable("gy " + where));
        QVERIFY2(close(hxx, fdxx, 1e-7, floor), qPrintable("hxx " + where));
        QVERIFY2(close(hxy, fdxy, 1e-7, floor), qPrintable("hxy " + where));
        QVERIFY2(close(hxy, fdyx, 1e-7, floor), qPrintable("hyx " + where));
        QVERIFY2(close(hyy, fdyy, 1e-7, floor), qPrintable("hyy " + where));
    }
}

void TestExpression::domainErrorsAreNaN()
{
    const ExpressionSurface logarithm("log(x) + y");
    QVERIFY(std::isnan(logarithm.value2(-1.0, 0.0)));
    double gx = 0.0, gy = 0.0;
    QVERIFY(std::isnan(logarithm.valueAndGradient2(-1.0, 0.0, gx, gy)));
    QCOMPARE(logarithm.value2(1.0, 2.0), 2.0);
    QVERIFY(std::isnan(evaluate("sqrt(x)", -4.0)));
    QVERIFY(std::isnan(evaluate("x^y", -2.0, 0.5)));
    QVERIFY(std::isnan(evaluate("0/0")));
    QVERIFY(std::isinf(evaluate("1/x", 0.0)));

    // The grid stores such points as NaN (the heat map leaves them blank).
    const ExpressionSurface root("sqrt(x)");
    const SurfaceGrid grid = evaluateGrid(root, {-1.0, 1.0, -1.0, 1.0}, 5, 3);
    QVERIFY(std::isnan(grid.value(0, 0)));
    QCOMPARE(grid.value(4, 2), 1.0);
    QCOMPARE(grid.finiteCount(), std::size_t(9)); // x = 0, 0.5, 1 on three rows
}

void TestExpression::constantsAreFolded()
{
    const ExpressionSurface constant("2*pi - sqrt(4)^2 + cos(0)");
    QVERIFY(constant.program().isConstant());
    QCOMPARE(constant.value2(5.0, 7.0), 2.0 * std::numbers::pi - 4.0 + 1.0);
    double gx = 1.0, gy = 1.0;
    constant.valueAndGradient2(5.0, 7.0, gx, gy);
    QCOMPARE(gx, 0.0);
    QCOMPARE(gy, 0.0);
    // x^2 is a product, not a call to pow with an exponent on the stack: push x, square.
    QCOMPARE(ExpressionSurface("x^2").program().size(), std::size_t(2));
    QCOMPARE(ExpressionSurface("x*(2*3)").program().size(), std::size_t(3));
}

void TestExpression::gridEqualsPointValuesBitForBit()
{
    Random random(3);
    std::vector<std::string> formulas = {std::string(ExpressionSurface::defaultFormula),
        "(1 - x)^2 + 100*(y - x^2)^2", "x^3 - 3*x*y^2", "2^x + y^-3 - x^0.5 + (x*y)^7"};
    for (int i = 0; i < 40; ++i)
        formulas.push_back(randomFormula(random, 5));
    for (const std::string& formula : formulas) {
        std::unique_ptr<ExpressionSurface> surface;
        try {
            surface = std::make_unique<ExpressionSurface>(formula);
        } catch (const InvalidArgument&) {
            QFAIL(formula.c_str()); // the generator writes valid formulas
        }
        // 301 columns: blocks of 128 and a ragged end.
        const SurfaceGrid grid = evaluateGrid(*surface, {-2.0, 3.0, -1.5, 2.5}, 301, 7);
        for (int j = 0; j < grid.rows(); ++j)
            for (int i = 0; i < grid.columns(); ++i) {
                const double point = surface->value2(grid.x(i), grid.y(j));
                const double cell = grid.value(i, j);
                const bool same = std::isfinite(point)
                    ? cell == point
                    : std::isnan(cell); // the grid turns ±inf into NaN
                if (!same)
                    QFAIL(qPrintable(QString::fromStdString(formula)
                        + QString(" at column %1 row %2: %3 vs %4")
                              .arg(i)
                              .arg(j)
                              .arg(cell, 0, 'g', 17)
                              .arg(point, 0, 'g', 17)));
            }
    }
}

// ------------------------------------------------------------- catalogue, CLI, scene

void TestExpression::catalogueOffersTheTypedSurface()
{
    const SurfaceInfo* info = findSurface(expressionSurfaceName);
    QVERIFY(info);
    QVERIFY(info->parameters.empty());
    const auto surface = makeSurface(expressionSurfaceName);
    QCOMPARE(surface->value2(0.5, -1.0),
        ExpressionSurface(ExpressionSurface::defaultFormula).value2(0.5, -1.0));
    QVERIFY(surface->minima().empty()); // not known: no distance, no tolerance
    QCOMPARE(surface->defaultView(), (ViewRect {-3.0, 3.0, -3.0, 3.0}));
    const auto typed = makeSurface(expressionSurfaceName, {}, "x^2 + 3*y^2");
    QCOMPARE(typed->value2(1.0, 2.0), 13.0);
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeSurface("rosenbrock", {}, "x^2"));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeSurface(expressionSurfaceName, {}, "x^"));
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, makeSurface(expressionSurfaceName, {{"a", 1.0}}, "x^2"));
}

void TestExpression::cliRunMatchesBuiltInSurface()
{
    const QStringList common
        = {"--optimizer", "adam", "--param", "lr=0.01", "--start", "-1.5,2", "--steps", "200"};
    const CliResult typed = runCli(
        QStringList {"run", "--surface", "expr", "--expr", "(1 - x)^2 + 100*(y - x^2)^2"} + common);
    const CliResult builtIn = runCli(QStringList {"run", "--surface", "rosenbrock"} + common);
    QCOMPARE(typed.exitCode, 0);
    QCOMPARE(builtIn.exitCode, 0);
    const QList<QByteArray> a = typed.out.trimmed().split('\n');
    const QList<QByteArray> b = builtIn.out.trimmed().split('\n');
    QCOMPARE(a.size(), 202);
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.front(), QByteArray("step,x,y,loss"));
    for (int row = 1; row < a.size(); ++row) {
        const QList<QByteArray> u = a[row].split(',');
        const QList<QByteArray> v = b[row].split(',');
        QCOMPARE(u.size(), 4);
        QCOMPARE(u[0], v[0]);
        for (int column = 1; column < 4; ++column)
            QVERIFY2(close(u[column].toDouble(), v[column].toDouble(), 1e-12, 1e-6),
                qPrintable(a[row] + " vs " + b[row]));
    }

    // JSON names the formula.
    const CliResult json = runCli(
        QStringList {"run", "--surface", "expr", "--expr", "x^2 +\t3*y^2", "--format", "json"}
        + common);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(root["surface"].toObject()["expression"].toString(), QString("x^2 +\t3*y^2"));
    QCOMPARE(root["surface"].toObject()["name"].toString(), QString("expr"));

    // A formula that is NaN along the way stops as diverged (exit 3).
    const CliResult diverged = runCli({"run", "--surface", "expr", "--expr", "sqrt(x) + y^2",
        "--optimizer", "gd", "--param", "lr=1", "--start", "0.25,1", "--steps", "50"});
    QCOMPARE(diverged.exitCode, 3);
    QVERIFY(diverged.err.contains("diverged"));
}

void TestExpression::cliRefusesBadFormulas_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QStringList run = {"run", "--optimizer", "adam"};
    QTest::newRow("unclosed") << run + QStringList {"--surface", "expr", "--expr", "sin(x"}
                              << "--expr: position 6: expected ')'";
    QTest::newRow("implicit product")
        << run + QStringList {"--surface", "expr", "--expr", "2x"} << "--expr: position 2:";
    QTest::newRow("empty") << run + QStringList {"--surface", "expr", "--expr", ""}
                           << "--expr needs a value, not an empty one";
    QTest::newRow("missing") << run + QStringList {"--surface", "expr"} << "needs --expr";
    QTest::newRow("on another surface")
        << run + QStringList {"--surface", "rosenbrock", "--expr", "x^2"}
        << "--expr applies only to --surface expr";
    QTest::newRow("render") << QStringList {"render", "--surface", "expr", "--expr", "x +",
        "--optimizer", "adam", "--out", "never.png"}
                            << "--expr: position 4:";
}

void TestExpression::cliRefusesBadFormulas()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const CliResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    const QString message = QString::fromUtf8(result.err);
    QVERIFY2(message.contains(says), qPrintable(message));
    QCOMPARE(message.count('\n'), 1);
}

void TestExpression::cliRendersAndSavesTheFormula()
{
    QTemporaryDir dir;
    const QString png = dir.filePath("monkey.png");
    const QString scenePath = dir.filePath("monkey.json");
    const CliResult result = runCli({"render", "--surface", "expr", "--expr", "x^3 - 3*x*y^2",
        "--optimizer", "gd", "--param", "lr=0.01", "--start", "0.5,0.5", "--steps", "50", "--size",
        "640x360", "--out", png, "--save-scene", scenePath});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QFileInfo(png).size() > 1000);
    const Scene scene = Scene::load(scenePath);
    QCOMPARE(scene.surface, std::string("expr"));
    QCOMPARE(scene.expression, std::string("x^3 - 3*x*y^2"));
    QCOMPARE(scene.makeSurface()->value2(2.0, 1.0), 2.0);
}

void TestExpression::sceneRoundTripsTheFormula()
{
    Scene scene = Scene::defaultScene();
    scene.surface = "expr";
    scene.surfaceParameters = {};
    scene.expression = "(x^2 - 1)^2 + 2*y^2";
    const QByteArray text = QJsonDocument(scene.toJson()).toJson();
    QVERIFY(text.contains("\"expression\": \"(x^2 - 1)^2 + 2*y^2\""));
    const Scene back = Scene::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(back == scene);
    QCOMPARE(back.makeSurface()->value2(0.0, 1.0), 3.0);
    QVERIFY(back.sameSurface(scene));
    Scene other = back;
    other.expression = "x^2";
    QVERIFY(!other.sameSurface(scene));

    // No "expression": the default formula. Other surfaces write none.
    QJsonObject json = scene.toJson();
    QJsonObject surface = json["surface"].toObject();
    surface.remove("expression");
    json["surface"] = surface;
    QCOMPARE(Scene::fromJson(json).expression, std::string(ExpressionSurface::defaultFormula));
    QVERIFY(!Scene::defaultScene().toJson()["surface"].toObject().contains("expression"));
}

void TestExpression::sceneRefusesBadFormulas_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<QJsonValue>("expression");
    QTest::addColumn<QString>("says");
    QTest::newRow("does not parse") << "expr" << QJsonValue("x^2 +") << "position 6: expected";
    QTest::newRow("not a string") << "expr" << QJsonValue(3) << "must be a string";
    QTest::newRow("too long") << "expr" << QJsonValue(QString(1001, 'x'))
                              << "at most 1000 are accepted";
    QTest::newRow("on another surface")
        << "rosenbrock" << QJsonValue("x^2") << "applies only to surface expr";
}

void TestExpression::sceneRefusesBadFormulas()
{
    QFETCH(QString, surface);
    QFETCH(QJsonValue, expression);
    QFETCH(QString, says);
    QJsonObject json = Scene::defaultScene().toJson();
    json["surface"] = QJsonObject {{"name", surface}, {"expression", expression}};
    try {
        Scene::fromJson(json);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("'surface.expression'"), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
    }
}

// ------------------------------------------------------------------------- window

void TestExpression::panelEditsTheFormula()
{
    SurfacePanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &SurfacePanel::sceneEdited);
    QVERIFY(!panel.formulaRow()->isVisible());

    // Choosing "expr" shows the field with the default formula.
    const int index = panel.surfaceBox()->findData("expr");
    QVERIFY(index >= 0);
    panel.surfaceBox()->setCurrentIndex(index);
    emit panel.surfaceBox()->activated(index);
    QCOMPARE(spy.count(), 1);
    QVERIFY(panel.formulaRow()->isVisible());
    QVERIFY(!panel.definitionLabel()->isVisible());
    QCOMPARE(panel.scene().expression, std::string(ExpressionSurface::defaultFormula));
    QCOMPARE(panel.formulaEdit()->text(), QString::fromLatin1(ExpressionSurface::defaultFormula));

    // Typing: while it does not parse, red with the position, and the scene stays.
    QLineEdit* edit = panel.formulaEdit();
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, "sin(x");
    QCOMPARE(spy.count(), 1);
    QVERIFY(edit->property("invalid").toBool());
    QVERIFY2(panel.formulaProblemLabel()->text().startsWith("position 6: expected ')'"),
        qPrintable(panel.formulaProblemLabel()->text()));
    QVERIFY(panel.formulaProblemLabel()->isVisible());
    QCOMPARE(panel.scene().expression, std::string(ExpressionSurface::defaultFormula));

    // A scene that arrives meanwhile without another formula leaves the typing alone.
    panel.setScene(panel.scene());
    QCOMPARE(edit->text(), QString("sin(x"));

    QTest::keyClicks(edit, ")*y");
    QVERIFY(!edit->property("invalid").toBool());
    QVERIFY(!panel.formulaProblemLabel()->text().contains("position"));
    QCOMPARE(panel.scene().expression, std::string("sin(x)*y"));
    QCOMPARE(spy.last().first().value<Scene>().expression, std::string("sin(x)*y"));

    // Esc after a bad edit restores the formula in use.
    const int edits = spy.count();
    QTest::keyClicks(edit, "+");
    QVERIFY(edit->property("invalid").toBool());
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(edit->text(), QString("sin(x)*y"));
    QVERIFY(!edit->property("invalid").toBool());
    QCOMPARE(spy.count(), edits);

    // An example replaces the formula and applies it.
    QComboBox* examples = panel.examplesBox();
    QVERIFY(examples->count() >= 3);
    int monkey = -1;
    for (int i = 0; i < examples->count(); ++i)
        if (examples->itemData(i).toString() == "x^3 - 3*x*y^2")
            monkey = i;
    QVERIFY(monkey >= 0);
    emit examples->activated(monkey);
    QCOMPARE(panel.scene().expression, std::string("x^3 - 3*x*y^2"));
    QCOMPARE(edit->text(), QString("x^3 - 3*x*y^2"));
    QCOMPARE(examples->currentIndex(), -1);
    for (int i = 0; i < examples->count(); ++i) // every example parses
        validateExpression(examples->itemData(i).toString().toStdString());

    // Away and back: the last formula returns.
    const int rosenbrock = panel.surfaceBox()->findData("rosenbrock");
    emit panel.surfaceBox()->activated(rosenbrock);
    QVERIFY(panel.scene().expression.empty());
    QVERIFY(!panel.formulaRow()->isVisible());
    emit panel.surfaceBox()->activated(index);
    QCOMPARE(panel.scene().expression, std::string("x^3 - 3*x*y^2"));

    // A scene with another formula replaces the field.
    Scene opened = panel.scene();
    opened.expression = "x^2 + y^2";
    panel.setScene(opened);
    QCOMPARE(edit->text(), QString("x^2 + y^2"));
}

QTEST_MAIN(TestExpression)
#include "tst_expression.moc"
