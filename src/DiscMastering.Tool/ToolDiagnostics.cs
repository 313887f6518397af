using DiscMastering.Imapi;

namespace DiscMastering.Tool;

/// <summary>
/// Every error line the tool prints, in MSBuild's canonical form (<c>discmaster : error DM1234: text</c>) so a
/// build that runs the tool shows it as a real error with its code. The codes are <see cref="DiscMasteringError"/>.
/// </summary>
internal sealed class ToolDiagnostics(TextWriter error)
{
    public const string Origin = "discmaster";

    /// <summary>Exit code of a run that failed on an error the user can fix.</summary>
    public const int ErrorExitCode = 1;

    /// <summary>Exit code of a cancelled run: 128 + SIGINT, as shells report it.</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Prints every problem an exception carries and returns the exit code.</summary>
    public int Report(DiscMasteringException exception)
    {
        foreach (var problem in exception.Problems)
        {
            Error(problem.Error, problem.Message);
        }

        return ErrorExitCode;
    }

    public void Error(DiscMasteringError code, string message) =>
        error.WriteLine($"{Origin} : error DM{(int)code:D4}: {message}");

    /// <summary>Prints a warning line (<c>discmaster : warning DM4010: text</c>); the run goes on.</summary>
    public void Warning(DiscMasteringError code, string message) =>
        error.WriteLine($"{Origin} : warning DM{(int)code:D4}: {message}");

    public int InvalidArguments(string message)
    {
        Error(DiscMasteringError.InvalidArguments, $"{message.TrimEnd('.')}; run 'dotnet discmaster --help' for usage.");
        return ErrorExitCode;
    }

    public int Cancelled(string whatIsLeft)
    {
        Error(DiscMasteringError.Cancelled, $"cancelled; {whatIsLeft}");
        return CancelledExitCode;
    }
}
