using System.Collections;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks.Tests.TestUtilities;

/// <summary>
/// An <see cref="IBuildEngine"/> that keeps what a task logs, for tests to assert on. Safe to log to from any thread.
/// </summary>
internal sealed class MockEngine : IBuildEngine
{
    private readonly object _lock = new();
    private readonly List<BuildErrorEventArgs> _errors = [];
    private readonly List<BuildWarningEventArgs> _warnings = [];
    private readonly List<BuildMessageEventArgs> _messages = [];

    /// <summary>The errors logged so far.</summary>
    public IReadOnlyList<BuildErrorEventArgs> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The warnings logged so far.</summary>
    public IReadOnlyList<BuildWarningEventArgs> Warnings
    {
        get
        {
            lock (_lock)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>The messages (command lines included) logged so far.</summary>
    public IReadOnlyList<BuildMessageEventArgs> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Everything logged, one event a line, for assertion failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_lock)
            {
                return string.Join(
                    Environment.NewLine,
                    _errors.Select(e => $"error {e.Code}: {e.Message}")
                        .Concat(_warnings.Select(w => $"warning {w.Code}: {w.Message}"))
                        .Concat(_messages.Select(m => $"message ({m.Importance}): {m.Message}")));
            }
        }
    }

    /// <inheritdoc/>
    public bool ContinueOnError => false;

    /// <inheritdoc/>
    public int LineNumberOfTaskNode => 0;

    /// <inheritdoc/>
    public int ColumnNumberOfTaskNode => 0;

    /// <inheritdoc/>
    public string ProjectFileOfTaskNode => "test.proj";

    /// <inheritdoc/>
    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_lock)
        {
            _errors.Add(e);
        }
    }

    /// <inheritdoc/>
    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_lock)
        {
            _warnings.Add(e);
        }
    }

    /// <inheritdoc/>
    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_lock)
        {
            _messages.Add(e);
        }
    }

    /// <inheritdoc/>
    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    /// <inheritdoc/>
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("BurnDisc builds no projects.");
}
