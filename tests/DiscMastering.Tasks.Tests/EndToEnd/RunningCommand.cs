using System.Diagnostics;
using System.Text;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>A started process whose output is collected as it arrives.</summary>
internal sealed class RunningCommand : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _commandLine;

    public RunningCommand(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        _commandLine = startInfo.FileName + " " + string.Join(" ", startInfo.ArgumentList);
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal would, to this process only.</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("kill", ["-INT", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end; kills it (and fails the test) when it takes longer than <paramref name="timeout"/>.</summary>
    public CommandResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            Assert.Fail($"'{_commandLine}' did not finish within {timeout}:{Environment.NewLine}{Output()}");
        }

        _process.WaitForExit();
        return new CommandResult(_commandLine, _process.ExitCode, Output());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
