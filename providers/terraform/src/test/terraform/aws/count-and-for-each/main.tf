variable "tenants" {
  default = { alpha = "private", beta = "public" }
}

resource "aws_s3_bucket" "tenant" {
  for_each = var.tenants
  bucket   = "acme-tenant-${each.key}"
}

resource "aws_s3_bucket_policy" "tenant" {
  for_each = { for k, v in var.tenants : k => v if v == "public" }
  bucket   = aws_s3_bucket.tenant[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-tenant-${each.key}/*"
    }]
  })
}

# Names chosen by AWS at apply: each bucket is known by its address, and its companion attaches by index.
resource "aws_s3_bucket" "scratch" {
  count         = 2
  bucket_prefix = "acme-scratch-"
}

resource "aws_s3_bucket_acl" "scratch" {
  count  = 2
  bucket = aws_s3_bucket.scratch[count.index].id
  acl    = count.index == 1 ? "authenticated-read" : "private"
}

resource "aws_s3_bucket_ownership_controls" "scratch" {
  count  = 2
  bucket = aws_s3_bucket.scratch[count.index].id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "scratch" {
  count                   = 2
  bucket                  = aws_s3_bucket.scratch[count.index].id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}
