resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

# The resource ARN is known only after apply, so the data source is read at apply and its json is unknown; the
# statement itself (anyone may read) is in the plan.
data "aws_iam_policy_document" "assets" {
  statement {
    sid       = "AnyoneReads"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets.json
}
