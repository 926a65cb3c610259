using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace NotebookRunner.Report;

/// <summary>
/// Reads TorchSharp tensors and modules by reflection: TorchSharp is loaded by the notebook, not referenced here.
/// </summary>
public static class TorchReflection
{
    public const int MaxValues = 10_000;
    private const string TensorTypeName = "TorchSharp.torch+Tensor";
    private const string ModuleTypeName = "TorchSharp.torch+nn+Module";

    public static bool IsTensor(object value) => IsOrDerivesFrom(value.GetType(), TensorTypeName);

    public static bool IsModule(object value) => IsOrDerivesFrom(value.GetType(), ModuleTypeName);

    /// <summary>{"shape": [...], "values": [flat]} with values omitted past <see cref="MaxValues"/> elements.</summary>
    public static JsonObject DescribeTensor(object tensor)
    {
        var shape = (long[])Invoke(tensor, "get_shape")!;
        var result = new JsonObject { ["shape"] = new JsonArray(shape.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) };
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count <= MaxValues) result["values"] = FlatValues(tensor);
        return result;
    }

    /// <summary>Each named parameter of a module, keyed "NAME.PARAM" (PARAM as named_parameters() names it).</summary>
    public static IEnumerable<(string Key, JsonObject Tensor)> DescribeModule(string name, object module)
    {
        var method = module.GetType().GetMethods().First(m => m.Name == "named_parameters");
        var arguments = method.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Type.Missing).ToArray();
        foreach (var item in (IEnumerable)method.Invoke(module, arguments)!)
        {
            var type = item.GetType();
            var parameterName = (string)type.GetField("Item1")!.GetValue(item)!;
            var parameter = type.GetField("Item2")!.GetValue(item)!;
            yield return ($"{name}.{parameterName}", DescribeTensor(parameter));
        }
    }

    private static JsonArray FlatValues(object tensor)
    {
        var plain = Invoke(Invoke(tensor, "detach")!, "cpu")!;
        var scalarType = Invoke(plain, "get_dtype")!;
        var scalarTypeName = scalarType.ToString();
        var (element, convertTo) = scalarTypeName switch
        {
            "Float32" => (typeof(float), null),
            "Float64" => (typeof(double), null),
            "Int64" => (typeof(long), null),
            "Bool" => (typeof(bool), null),
            "Int32" or "Int16" or "Int8" or "Byte" => (typeof(long), "Int64"),
            _ => (typeof(double), "Float64"),
        };
        if (convertTo is not null)
        {
            var target = Enum.Parse(scalarType.GetType(), convertTo);
            var toType = plain.GetType().GetMethods().First(m => m.Name == "to_type" && m.GetParameters().Length >= 1
                && m.GetParameters()[0].ParameterType == scalarType.GetType());
            var args = toType.GetParameters().Select((p, i) => i == 0 ? target : p.HasDefaultValue ? p.DefaultValue : Type.Missing).ToArray();
            plain = toType.Invoke(plain, args)!;
        }
        var data = plain.GetType().GetMethods().First(m => m.Name == "data" && m.IsGenericMethodDefinition && m.GetParameters().Length == 0)
            .MakeGenericMethod(element).Invoke(plain, null)!;
        var values = new JsonArray();
        foreach (var v in (IEnumerable)data)
        {
            values.Add(v switch
            {
                float f when float.IsFinite(f) => JsonValue.Create(f),
                double d when double.IsFinite(d) => JsonValue.Create(d),
                long l => JsonValue.Create(l),
                bool b => JsonValue.Create(b),
                _ => null,
            });
        }
        return values;
    }

    private static object? Invoke(object target, string name)
    {
        var method = target.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .First(m => m.Name == name && !m.IsGenericMethodDefinition && m.GetParameters().All(p => p.HasDefaultValue));
        return method.Invoke(target, method.GetParameters().Select(p => p.DefaultValue).ToArray());
    }

    private static bool IsOrDerivesFrom(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName == fullName) return true;
        return false;
    }
}
