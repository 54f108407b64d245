using System.Text.Json;

namespace StatelessAnalyzers.Cli.Tests;

/// <summary>
/// A structural check of a SARIF log against the SARIF 2.1.0 schema (OASIS sarif-schema-2.1.0.json), for
/// the objects the tool writes: required properties, property types, enumerations, minimums, and no
/// property the schema does not define (its objects set <c>additionalProperties: false</c>).
/// </summary>
internal static class SarifShape
{
    private delegate void Check(JsonElement value, string path, List<string> errors);

    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static IReadOnlyList<string> Validate(JsonElement log)
    {
        var errors = new List<string>();
        Object(log, "$", errors, required: ["version", "runs"], properties: new()
        {
            ["$schema"] = Uri,
            ["version"] = Enum("2.1.0"),
            ["runs"] = Array(Run),
            ["inlineExternalProperties"] = Array(Any),
            ["properties"] = PropertyBag,
        });
        return errors;
    }

    private static void Run(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["tool"], properties: new()
        {
            ["tool"] = Tool,
            ["invocations"] = Array(Invocation),
            ["originalUriBaseIds"] = Map(ArtifactLocation),
            ["results"] = Array(Result),
            ["properties"] = PropertyBag,
        });

    private static void Tool(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["driver"], properties: new()
        {
            ["driver"] = ToolComponent,
            ["extensions"] = Array(ToolComponent),
            ["properties"] = PropertyBag,
        });

    private static void ToolComponent(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["name"], properties: new()
        {
            ["name"] = String,
            ["version"] = String,
            ["semanticVersion"] = String,
            ["informationUri"] = Uri,
            ["rules"] = UniqueArray(ReportingDescriptor),
            ["properties"] = PropertyBag,
        });

    private static void ReportingDescriptor(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["id"], properties: new()
        {
            ["id"] = String,
            ["name"] = String,
            ["shortDescription"] = MultiformatMessageString,
            ["fullDescription"] = MultiformatMessageString,
            ["helpUri"] = Uri,
            ["defaultConfiguration"] = ReportingConfiguration,
            ["properties"] = PropertyBag,
        });

    private static void ReportingConfiguration(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: [], properties: new()
        {
            ["enabled"] = Boolean,
            ["level"] = Enum(Levels),
            ["rank"] = Number,
            ["properties"] = PropertyBag,
        });

    private static void MultiformatMessageString(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["text"], properties: new()
        {
            ["text"] = String,
            ["markdown"] = String,
            ["properties"] = PropertyBag,
        });

    private static void Message(JsonElement value, string path, List<string> errors)
    {
        Object(value, path, errors, required: [], properties: new()
        {
            ["text"] = String,
            ["markdown"] = String,
            ["id"] = String,
            ["arguments"] = Array(String),
            ["properties"] = PropertyBag,
        });
        // The schema's anyOf: a message has a text or an id.
        if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty("text", out _) && !value.TryGetProperty("id", out _))
            errors.Add($"{path}: a message needs 'text' or 'id'");
    }

    private static void Invocation(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["executionSuccessful"], properties: new()
        {
            ["executionSuccessful"] = Boolean,
            ["commandLine"] = String,
            ["toolExecutionNotifications"] = Array(Notification),
            ["properties"] = PropertyBag,
        });

    private static void Notification(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["message"], properties: new()
        {
            ["message"] = Message,
            ["level"] = Enum(Levels),
            ["properties"] = PropertyBag,
        });

    private static void Result(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: ["message"], properties: new()
        {
            ["ruleId"] = String,
            ["ruleIndex"] = Integer(minimum: -1),
            ["level"] = Enum(Levels),
            ["message"] = Message,
            ["locations"] = Array(Location),
            ["properties"] = PropertyBag,
        });

    private static void Location(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: [], properties: new()
        {
            ["id"] = Integer(minimum: -1),
            ["physicalLocation"] = PhysicalLocation,
            ["message"] = Message,
            ["properties"] = PropertyBag,
        });

    private static void PhysicalLocation(JsonElement value, string path, List<string> errors)
    {
        Object(value, path, errors, required: [], properties: new()
        {
            ["artifactLocation"] = ArtifactLocation,
            ["region"] = Region,
            ["contextRegion"] = Region,
            ["properties"] = PropertyBag,
        });
        // The schema's anyOf: an address or an artifact location.
        if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty("artifactLocation", out _) && !value.TryGetProperty("address", out _))
            errors.Add($"{path}: a physical location needs 'artifactLocation' or 'address'");
    }

    private static void ArtifactLocation(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: [], properties: new()
        {
            ["uri"] = UriReference,
            ["uriBaseId"] = String,
            ["index"] = Integer(minimum: -1),
            ["description"] = Message,
            ["properties"] = PropertyBag,
        });

    private static void Region(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: [], properties: new()
        {
            ["startLine"] = Integer(minimum: 1),
            ["startColumn"] = Integer(minimum: 1),
            ["endLine"] = Integer(minimum: 1),
            ["endColumn"] = Integer(minimum: 1),
            ["charOffset"] = Integer(minimum: -1),
            ["charLength"] = Integer(minimum: 0),
            ["snippet"] = ArtifactContent,
            ["message"] = Message,
            ["properties"] = PropertyBag,
        });

    private static void ArtifactContent(JsonElement value, string path, List<string> errors) =>
        Object(value, path, errors, required: [], properties: new()
        {
            ["text"] = String,
            ["binary"] = String,
            ["properties"] = PropertyBag,
        });

    private static void PropertyBag(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
            errors.Add($"{path}: expected a property bag (object), found {value.ValueKind}");
    }

    private static void Any(JsonElement value, string path, List<string> errors)
    {
    }

    private static void Object(JsonElement value, string path, List<string> errors, string[] required, Dictionary<string, Check> properties)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object, found {value.ValueKind}");
            return;
        }
        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _))
                errors.Add($"{path}: missing required property '{name}'");
        }
        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetValue(property.Name, out var check))
                check(property.Value, $"{path}.{property.Name}", errors);
            else
                errors.Add($"{path}: property '{property.Name}' is not defined by the schema");
        }
    }

    private static Check Array(Check item) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: expected an array, found {value.ValueKind}");
            return;
        }
        var index = 0;
        foreach (var element in value.EnumerateArray())
            item(element, $"{path}[{index++}]", errors);
    };

    private static Check UniqueArray(Check item) => (value, path, errors) =>
    {
        Array(item)(value, path, errors);
        if (value.ValueKind == JsonValueKind.Array)
        {
            var texts = value.EnumerateArray().Select(e => e.GetRawText()).ToList();
            if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count)
                errors.Add($"{path}: items must be unique");
        }
    };

    private static Check Map(Check item) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object, found {value.ValueKind}");
            return;
        }
        foreach (var property in value.EnumerateObject())
            item(property.Value, $"{path}.{property.Name}", errors);
    };

    private static void String(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
            errors.Add($"{path}: expected a string, found {value.ValueKind}");
    }

    private static void Boolean(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            errors.Add($"{path}: expected a boolean, found {value.ValueKind}");
    }

    private static void Number(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
            errors.Add($"{path}: expected a number, found {value.ValueKind}");
    }

    private static Check Integer(int minimum) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            errors.Add($"{path}: expected an integer, found {value.GetRawText()}");
        else if (number < minimum)
            errors.Add($"{path}: {number} is below the minimum {minimum}");
    };

    private static Check Enum(params string[] allowed) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.String || !allowed.Contains(value.GetString()))
            errors.Add($"{path}: expected one of {string.Join(", ", allowed)}, found {value.GetRawText()}");
    };

    private static void Uri(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String || !System.Uri.TryCreate(value.GetString(), UriKind.Absolute, out _))
            errors.Add($"{path}: expected an absolute URI, found {value.GetRawText()}");
    }

    private static void UriReference(JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String || !System.Uri.TryCreate(value.GetString(), UriKind.RelativeOrAbsolute, out _))
            errors.Add($"{path}: expected a URI reference, found {value.GetRawText()}");
    }
}
