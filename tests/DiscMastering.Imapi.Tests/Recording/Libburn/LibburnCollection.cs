namespace DiscMastering.Imapi.Tests.Recording.Libburn;

/// <summary>
/// libburn holds one drive at a time for the whole process (a second grab is RecorderBusy): test classes that use
/// the real libburn join this collection so they never run at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibburnCollection
{
    public const string Name = "Libburn";
}
