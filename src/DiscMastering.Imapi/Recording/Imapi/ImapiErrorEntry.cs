namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// One HRESULT IMAPI documents: its symbolic name, the code a failure maps to (null for a success code) and the
/// sentence telling the user what happened and what to do, where <c>{recorder}</c> and <c>{owner}</c> are filled in.
/// </summary>
internal sealed record ImapiErrorEntry(int HResult, string Name, DiscMasteringError? Error, string Sentence)
{
    public bool IsSuccess => HResult >= 0;
}
