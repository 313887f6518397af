using System.Reflection;
using System.Text;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks.Tests;

/// <summary>
/// The tool writes UTF-8 without a byte order mark on every system; on Windows, ToolTask reads a tool's output in the OEM code page unless
/// told otherwise, which only a Windows build would show, so the encodings themselves are checked here.
/// </summary>
public sealed class ToolOutputEncodingTests
{
    [Theory]
    [InlineData("StandardOutputEncoding")]
    [InlineData("StandardErrorEncoding")]
    public void TasksReadTheToolsOutputAsUtf8(string property)
    {
        var getter = typeof(ToolTask).GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!;

        foreach (ToolTask task in new ToolTask[] { new BurnDisc(), new RecordDisc() })
        {
            var encoding = (Encoding)getter.GetValue(task)!;
            Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
            Assert.Empty(encoding.GetPreamble());
        }
    }
}
