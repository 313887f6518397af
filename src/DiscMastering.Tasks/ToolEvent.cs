using System.Globalization;
using System.Text;

namespace DiscMastering.Tasks;

/// <summary>
/// One line of the tool's <c>--progress json</c> output: a flat JSON object whose <c>"event"</c> member names it
/// (<c>progress</c> and <c>summary</c> when mastering, <c>recording</c> and <c>recorded</c> when recording). A small reader of its own keeps the task free of a JSON library, which would
/// have to load in every MSBuild the task runs in.
/// </summary>
internal sealed class ToolEvent
{
    private readonly Dictionary<string, string> _members;

    private ToolEvent(string name, Dictionary<string, string> members)
    {
        Name = name;
        _members = members;
    }

    /// <summary>The value of the <c>"event"</c> member.</summary>
    public string Name { get; }

    /// <summary>A member's text (strings unescaped, numbers as written), or <see langword="null"/>.</summary>
    public string? GetString(string member) => _members.TryGetValue(member, out string? value) ? value : null;

    /// <summary>A numeric member, or 0 when it is missing or not a number.</summary>
    public double GetNumber(string member) =>
        double.TryParse(GetString(member), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : 0;

    /// <summary>Reads <paramref name="line"/> as a flat JSON object with an <c>"event"</c> string member.</summary>
    public static bool TryParse(string? line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ToolEvent? toolEvent)
    {
        toolEvent = null;
        if (line is null)
        {
            return false;
        }

        var reader = new Reader(line);
        Dictionary<string, string>? members = reader.ReadObject();
        if (members is null || !members.TryGetValue("event", out string? name))
        {
            return false;
        }

        toolEvent = new ToolEvent(name, members);
        return true;
    }

    /// <summary>A forward-only reader over one line; every method returns null when the text is not what it expects.</summary>
    private struct Reader(string text)
    {
        private int _position;

        public Dictionary<string, string>? ReadObject()
        {
            if (!TryConsume('{'))
            {
                return null;
            }

            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            if (TryConsume('}'))
            {
                return AtEnd() ? members : null;
            }

            do
            {
                string? name = ReadString();
                if (name is null || !TryConsume(':'))
                {
                    return null;
                }

                string? value = ReadValue();
                if (value is null)
                {
                    return null;
                }

                members[name] = value;
            }
            while (TryConsume(','));

            return TryConsume('}') && AtEnd() ? members : null;
        }

        private string? ReadValue()
        {
            SkipWhiteSpace();
            if (_position < text.Length && text[_position] == '"')
            {
                return ReadString();
            }

            int start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '-' or '+' or '.'))
            {
                _position++;
            }

            return _position > start ? text.Substring(start, _position - start) : null;
        }

        private string? ReadString()
        {
            if (!TryConsume('"'))
            {
                return null;
            }

            var builder = new StringBuilder();
            while (_position < text.Length)
            {
                char c = text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= text.Length)
                {
                    return null;
                }

                char escaped = text[_position++];
                switch (escaped)
                {
                    case '"' or '\\' or '/':
                        builder.Append(escaped);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u' when _position + 4 <= text.Length
                        && ushort.TryParse(text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private bool TryConsume(char expected)
        {
            SkipWhiteSpace();
            if (_position < text.Length && text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool AtEnd()
        {
            SkipWhiteSpace();
            return _position == text.Length;
        }

        private void SkipWhiteSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
