#include "expression_parser.h"

#include <array>
#include <charconv>
#include <cmath>
#include <numbers>

namespace optviz {

namespace {

struct FunctionName
{
    const char* name;
    ExpressionOp op;
};

constexpr std::array<FunctionName, 11> functions = {{
    {"sin", ExpressionOp::Sin},
    {"cos", ExpressionOp::Cos},
    {"tan", ExpressionOp::Tan},
    {"exp", ExpressionOp::Exp},
    {"log", ExpressionOp::Log},
    {"sqrt", ExpressionOp::Sqrt},
    {"abs", ExpressionOp::Abs},
    {"tanh", ExpressionOp::Tanh},
    {"sinh", ExpressionOp::Sinh},
    {"cosh", ExpressionOp::Cosh},
    {"atan", ExpressionOp::Atan},
}};

const char* const operandText = "a number, x, y, pi, e, a function or '('";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Characters that people paste from typeset formulas (our own `list` prints −, ², ·),
// with what to type instead.
struct Lookalike
{
    std::string_view text;
    const char* hint;
};

constexpr std::array<Lookalike, 7> lookalikes = {{
    {"\u2212", "write - for minus"},
    {"\u00b2", "write ^2 for a square"},
    {"\u00b3", "write ^3 for a cube"},
    {"\u00d7", "write * for a product"},
    {"\u00b7", "write * for a product"},
    {"\u03c0", "write pi"},
    {"\u221a", "write sqrt(...)"},
}};

// The byte length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t utf8Length(unsigned char lead)
{
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    if (lead >= 0xe0)
        return lead <= 0xef ? 3 : 1;
    if (lead >= 0xc2)
        return 2;
    return 1;
}

class Parser
{
public:
    explicit Parser(std::string_view text)
        : text_(text)
    {
    }

    ExpressionTree parse()
    {
        skipSpaces();
        if (atEnd())
            fail("the formula is empty; expected an expression in x and y such as x^2 + 3*y^2");
        tree_.root = parseSum();
        if (!atEnd())
            failUnexpected("an operator (+ - * / ^) or the end of the formula");
        return std::move(tree_);
    }

private:
    // --------------------------------------------------------------------- scanning

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return atEnd() ? '\0' : text_[pos_]; }

    void skipSpaces()
    {
        while (!atEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t'))
            ++pos_;
    }

    bool startsOperand() const
    {
        const char c = peek();
        return isDigit(c) || c == '.' || isLetter(c) || c == '(';
    }

    [[noreturn]] void fail(const std::string& problem) const { failAt(pos_, problem); }

    [[noreturn]] static void failAt(std::size_t index, const std::string& problem)
    {
        throw ExpressionError(index + 1, problem);
    }

    // What stands at the current position, for "expected X but found Y".
    std::string found() const
    {
        if (atEnd())
            return "the formula ends";
        const std::size_t length
            = std::min(utf8Length(static_cast<unsigned char>(text_[pos_])), text_.size() - pos_);
        const std::string_view character = text_.substr(pos_, length);
        std::string text = "found '" + printable(character, 1) + "'";
        for (const Lookalike& lookalike : lookalikes)
            if (character == lookalike.text)
                text += std::string(" (") + lookalike.hint + ")";
        return text;
    }

    // Something other than `expected` follows a complete operand.
    [[noreturn]] void failUnexpected(const std::string& expected) const
    {
        if (startsOperand())
            fail("expected " + expected + " but " + found()
                + "; implicit multiplication is not allowed, write * (2*x, x*y, 2*(x+1))");
        if (peek() == ',')
            fail("expected " + expected + " but " + found() + "; functions take one argument");
        fail("expected " + expected + " but " + found());
    }

    void expect(char c)
    {
        skipSpaces();
        if (peek() != c)
            failUnexpected(std::string("'") + c + "'");
        ++pos_;
    }

    // Each nested construct (parentheses, a call, a sign, an exponent) is one level.
    struct Level
    {
        explicit Level(Parser& parser)
            : parser_(parser)
        {
            if (++parser_.depth_ > maxExpressionDepth)
                parser_.fail("the formula nests deeper than " + std::to_string(maxExpressionDepth)
                    + " levels (parentheses, functions, signs and powers)");
        }
        ~Level() { --parser_.depth_; }
        Level(const Level&) = delete;
        Level& operator=(const Level&) = delete;

    private:
        Parser& parser_;
    };

    // --------------------------------------------------------------------- building

    int add(ExpressionOp op, int left = -1, int right = -1, double constant = 0.0)
    {
        tree_.nodes.push_back({op, constant, left, right});
        return static_cast<int>(tree_.nodes.size()) - 1;
    }

    // ---------------------------------------------------------------------- grammar

    int parseSum()
    {
        int left = parseProduct();
        for (;;) {
            skipSpaces();
            const char c = peek();
            if (c != '+' && c != '-')
                return left;
            ++pos_;
            const int right = parseProduct();
            left = add(c == '+' ? ExpressionOp::Add : ExpressionOp::Subtract, left, right);
        }
    }

    int parseProduct()
    {
        int left = parseSigned();
        for (;;) {
            skipSpaces();
            const char c = peek();
            if (c != '*' && c != '/')
                return left;
            if (c == '*' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*')
                fail("'**' is not an operator here; write x^2 for a power");
            ++pos_;
            const int right = parseSigned();
            left = add(c == '*' ? ExpressionOp::Multiply : ExpressionOp::Divide, left, right);
        }
    }

    int parseSigned()
    {
        skipSpaces();
        const char c = peek();
        if (c != '-' && c != '+')
            return parsePower();
        const Level level(*this);
        ++pos_;
        const int operand = parseSigned();
        return c == '-' ? add(ExpressionOp::Negate, operand) : operand;
    }

    int parsePower()
    {
        const int base = parsePrimary();
        skipSpaces();
        if (peek() != '^')
            return base;
        const Level level(*this);
        ++pos_;
        const int exponent = parseSigned(); // right-associative: recurses through power
        return add(ExpressionOp::Power, base, exponent);
    }

    int parsePrimary()
    {
        skipSpaces();
        const char c = peek();
        if (isDigit(c) || (c == '.' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1])))
            return parseNumber();
        if (isLetter(c))
            return parseName();
        if (c == '(') {
            const Level level(*this);
            ++pos_;
            const int inner = parseSum();
            expect(')');
            return inner;
        }
        fail(std::string("expected ") + operandText + " but " + found());
    }

    int parseNumber()
    {
        const std::size_t start = pos_;
        while (isDigit(peek()))
            ++pos_;
        if (peek() == '.') {
            ++pos_;
            while (isDigit(peek()))
                ++pos_;
        }
        // An exponent only when digits follow: "2e" is 2 then the name e (an error).
        if (peek() == 'e' || peek() == 'E') {
            std::size_t after = pos_ + 1;
            if (after < text_.size() && (text_[after] == '+' || text_[after] == '-'))
                ++after;
            if (after < text_.size() && isDigit(text_[after])) {
                pos_ = after;
                while (isDigit(peek()))
                    ++pos_;
            }
        }
        const std::string_view token = text_.substr(start, pos_ - start);
        double value = 0.0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
        if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value))
            failAt(start,
                "the number " + std::string(token)
                    + " is out of range; accepted: 0 and magnitudes from about 1e-308 to 1e308");
        return add(ExpressionOp::Constant, -1, -1, value);
    }

    int parseName()
    {
        const std::size_t start = pos_;
        while (isLetter(peek()) || isDigit(peek()))
            ++pos_;
        const std::string_view name = text_.substr(start, pos_ - start);
        if (name == "x")
            return add(ExpressionOp::VariableX);
        if (name == "y")
            return add(ExpressionOp::VariableY);
        if (name == "pi")
            return add(ExpressionOp::Constant, -1, -1, std::numbers::pi);
        if (name == "e")
            return add(ExpressionOp::Constant, -1, -1, std::numbers::e);
        for (const FunctionName& function : functions) {
            if (name != function.name)
                continue;
            skipSpaces();
            if (peek() != '(')
                fail("expected '(' after " + std::string(name) + " but " + found());
            const Level level(*this);
            ++pos_;
            const int argument = parseSum();
            expect(')');
            return add(function.op, argument);
        }
        std::vector<std::string> accepted = {"x", "y", "pi", "e"};
        for (const FunctionName& function : functions)
            accepted.emplace_back(function.name);
        std::string problem = unknownNameMessage("name", name, accepted);
        if (name.find_first_not_of("xy") == std::string_view::npos)
            problem += "; for a product write x*y";
        failAt(start, problem);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    ExpressionTree tree_;
};

} // namespace

ExpressionError::ExpressionError(std::size_t position, const std::string& problem)
    : InvalidArgument("position " + std::to_string(position) + ": " + problem)
    , position_(position)
{
}

ExpressionTree parseExpression(std::string_view formula)
{
    if (formula.size() > maxExpressionLength)
        throw ExpressionError(maxExpressionLength + 1,
            "the formula is " + std::to_string(formula.size()) + " characters long; at most "
                + std::to_string(maxExpressionLength) + " are accepted");
    return Parser(formula).parse();
}

const std::vector<std::string>& expressionFunctionNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> result;
        for (const FunctionName& function : functions)
            result.emplace_back(function.name);
        return result;
    }();
    return names;
}

} // namespace optviz
