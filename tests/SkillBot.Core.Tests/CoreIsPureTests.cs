using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SkillBot.Core.Tests;

/// <summary>
/// The core is pure: text in, answers out. What reads files, the environment or the network lives in the host
/// and SkillBot.CatalogueFiles. Read from the core's own metadata, so no way of reaching them slips past: every
/// type the core uses, in code or in a signature, is a row of its type reference table.
/// </summary>
public sealed class CoreIsPureTests
{
    /// <summary>Namespaces whose every type touches the machine (System.Net itself also holds WebUtility, which is text).</summary>
    private static readonly string[] ForbiddenNamespaces =
    [
        "System.IO.Enumeration", "System.IO.IsolatedStorage", "System.IO.MemoryMappedFiles", "System.IO.Pipes",
        "System.Net.Http", "System.Net.Sockets", "System.Net.NetworkInformation", "System.Net.Mail", "System.Net.WebSockets",
        "System.Diagnostics.Eventing", "Microsoft.Win32",
    ];

    /// <summary>Of System.IO, only what reads and writes memory; File, Directory, Path, FileStream and the rest are the disk's.</summary>
    private static readonly HashSet<string> InMemoryIo =
    [
        "Stream", "MemoryStream", "UnmanagedMemoryStream", "TextReader", "TextWriter", "StringReader", "StringWriter",
        "StreamReader", "StreamWriter", "BinaryReader", "BinaryWriter", "SeekOrigin",
        "IOException", "EndOfStreamException", "InvalidDataException",
    ];

    /// <summary>Types outside those namespaces that reach the process, the machine or its clock of processes.</summary>
    private static readonly HashSet<string> ForbiddenTypes =
    [
        "System.AppDomain", "System.Console",
        "System.Net.Dns", "System.Net.WebClient", "System.Net.WebRequest", "System.Net.HttpWebRequest", "System.Net.HttpListener",
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo",
        "System.Runtime.InteropServices.DllImportAttribute", "System.Runtime.InteropServices.LibraryImportAttribute",
        "System.Runtime.InteropServices.NativeLibrary", "System.Runtime.InteropServices.PosixSignalRegistration",
    ];

    /// <summary>
    /// Of Environment and AppContext, what compiled code uses without reaching outside: iterators ask for the
    /// thread's id, generated regular expressions for the runtime's default match timeout.
    /// </summary>
    private static readonly HashSet<string> AllowedProcessMembers =
    [
        "System.Environment.get_CurrentManagedThreadId", "System.Environment.get_NewLine",
        "System.AppContext.GetData", "System.AppContext.TryGetSwitch",
    ];

    [Fact]
    public void The_core_uses_no_file_environment_network_or_native_api()
    {
        Assert.Empty(ForbiddenUses(typeof(Assistant).Assembly.Location));
    }

    [Fact]
    public void The_check_finds_file_reading_where_there_is_some()
    {
        // The catalogue folder reader does all of it (File, Directory, FileStream, a native stat): the check must see it.
        var uses = ForbiddenUses(typeof(CatalogueFiles.CatalogueFolder).Assembly.Location);
        Assert.Contains("System.IO.File", uses);
        Assert.Contains("System.IO.Directory", uses);
        Assert.Contains("System.IO.FileStream", uses);
        Assert.Contains(uses, u => u.StartsWith("P/Invoke ", StringComparison.Ordinal));
    }

    private static List<string> ForbiddenUses(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var name = FullName(metadata, metadata.GetTypeReference(handle));
            if (IsForbidden(name))
            {
                found.Add(name);
            }
        }
        foreach (var handle in metadata.MemberReferences)
        {
            // A reader or writer opened on a path is file reading in disguise.
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }
            var type = FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)member.Parent));
            var memberName = $"{type}.{metadata.GetString(member.Name)}";
            if (type is "System.Environment" or "System.AppContext" && !AllowedProcessMembers.Contains(memberName))
            {
                found.Add(memberName);
            }
            if (type is "System.IO.StreamReader" or "System.IO.StreamWriter"
                && metadata.GetString(member.Name) == ".ctor"
                && FirstParameterIsString(metadata.GetBlobReader(member.Signature)))
            {
                found.Add($"{type}(string path, …)");
            }
        }
        foreach (var handle in metadata.MethodDefinitions)
        {
            var method = metadata.GetMethodDefinition(handle);
            if ((method.Attributes & System.Reflection.MethodAttributes.PinvokeImpl) != 0)
            {
                found.Add($"P/Invoke {metadata.GetString(method.Name)}");
            }
        }
        return found;
    }

    private static bool IsForbidden(string name)
    {
        var lastDot = name.LastIndexOf('.');
        var space = lastDot < 0 ? "" : name[..lastDot];
        return ForbiddenTypes.Contains(name)
            || (space == "System.IO" && !InMemoryIo.Contains(name[(lastDot + 1)..]))
            || ForbiddenNamespaces.Any(n => space == n || space.StartsWith(n + ".", StringComparison.Ordinal));
    }

    /// <summary>The type's namespace and name; a nested type is named by its outermost type's namespace.</summary>
    private static string FullName(MetadataReader metadata, TypeReference type)
    {
        var name = metadata.GetString(type.Name);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            name = $"{metadata.GetString(type.Name)}+{name}";
        }
        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : $"{space}.{name}";
    }

    private static bool FirstParameterIsString(BlobReader signature)
    {
        var header = signature.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            signature.ReadCompressedInteger();
        }
        var parameters = signature.ReadCompressedInteger();
        signature.ReadSignatureTypeCode(); // a constructor returns void
        return parameters > 0 && signature.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }
}
