using System.Globalization;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks.Tests.TestUtilities;

/// <summary>What the task should log for one of its resources, built from the same <c>Resources</c> text.</summary>
internal static class ResourceText
{
    /// <summary>The code at the start of a resource (<c>DM0001</c>), or null for a message without one.</summary>
    public static string? Code(string resource)
    {
        int colon = resource.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && resource.StartsWith("DM", StringComparison.Ordinal) ? resource[..colon] : null;
    }

    /// <summary>The resource formatted with <paramref name="arguments"/>, without its code.</summary>
    public static string Format(string resource, params object[] arguments)
    {
        string? code = Code(resource);
        string text = code is null ? resource : resource[(code.Length + 2)..];
        return string.Format(CultureInfo.CurrentCulture, text, arguments);
    }

    /// <summary>Asserts that <paramref name="engine"/> holds exactly one error, and that it is this resource's.</summary>
    public static BuildErrorEventArgs AssertSingleError(MockEngine engine, string resource, params object[] arguments)
    {
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(Code(resource), error.Code);
        Assert.Equal(Format(resource, arguments), error.Message);
        return error;
    }
}
