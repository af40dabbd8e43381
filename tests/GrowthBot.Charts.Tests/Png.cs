using System.Buffers.Binary;
using ScottPlot;
using SkiaSharp;

namespace GrowthBot.Charts.Tests;

/// <summary>What a test can tell about a chart image from its bytes and its pixels.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG Slack takes as it is: the signature, the size we promise, and under 200 KB.</summary>
    public static ChartImage AssertSlackReady(ChartResult result)
    {
        Assert.True(result.HasImage, result.ToString());
        var image = result.Image;
        Assert.Equal(Signature, image.Png.AsSpan(0, 8).ToArray());
        // IHDR is the first chunk: length (4), type (4), then width and height, big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(image.Png, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(20, 4)));
        Assert.Equal((800, 400), (image.Width, image.Height));
        Assert.InRange(image.Png.Length, 1, 200 * 1024 - 1);
        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
        return image;
    }

    /// <summary>How many pixels are (nearly) <paramref name="color"/>: enough to tell whether a series was drawn.</summary>
    public static int Pixels(ChartImage image, Color color, int tolerance = 12)
    {
        using var bitmap = SKBitmap.Decode(image.Png);
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (Math.Abs(pixel.Red - color.R) <= tolerance && Math.Abs(pixel.Green - color.G) <= tolerance && Math.Abs(pixel.Blue - color.B) <= tolerance)
                count++;
        }
        return count;
    }

    /// <summary>Every pixel is opaque: the image looks the same on Slack's light and dark themes.</summary>
    public static bool IsOpaque(ChartImage image)
    {
        using var bitmap = SKBitmap.Decode(image.Png);
        return bitmap.Pixels.All(p => p.Alpha == 255);
    }
}
