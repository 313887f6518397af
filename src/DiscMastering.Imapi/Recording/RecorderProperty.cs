namespace DiscMastering.Imapi.Recording;

/// <summary>One recorder property, shown as <c>[id] name = value</c> like the original wrapper's property list.</summary>
/// <param name="Id">A number stable for the backend, as IMAPI's property ids were.</param>
/// <param name="Name">What the property is.</param>
/// <param name="Value">Its value, as text.</param>
public sealed record RecorderProperty(int Id, string Name, string Value);
