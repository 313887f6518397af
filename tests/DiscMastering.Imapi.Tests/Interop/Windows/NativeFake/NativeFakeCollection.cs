namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// The native fake holds one simulated recorder for the whole process: test classes that use it join this
/// collection so they never run at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeFakeCollection
{
    public const string Name = "ImapiNativeFake";
}
